package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.store.query.SparkSql;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every registered query type has a bench generator, a workload stream and a Spark statement (or
 * declares it has none).
 */
class QueryTypeCoverageTest {

  @Test
  void shouldDrawRequestsOfEveryType() {
    for (QueryType type : QueryType.values()) {
      List<QueryRequest> drawn =
          RequestSet.draw(RequestSetTest.MANHATTAN_JANUARY, 5, 3, List.of(type.wireName()))
              .requests();

      assertThat(drawn).as(type.wireName()).allMatch(r -> QueryType.of(r) == type);
    }
  }

  @Test
  void shouldStreamWorkloadRequestsOfEveryType() {
    for (QueryType type : QueryType.values()) {
      assertThat(QueryType.of(new Workload(5).stream(type.wireName()).get())).isEqualTo(type);
    }
  }

  @Test
  void shouldGiveEveryTypeASparkStatementOrDeclareItHasNone() {
    // the store's registration refuses, naming the type, one that does neither
    for (QueryType type : QueryType.values()) {
      assertThatCode(() -> SparkSql.of(new Workload(5).stream(type.wireName()).get()))
          .as(type.wireName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shouldWriteSparkStatementsThatSelect() {
    for (QueryType type : QueryType.values()) {
      QueryRequest request =
          RequestSet.draw(RequestSetTest.MANHATTAN_JANUARY, 5, 1, List.of(type.wireName()))
              .requests()
              .get(0);

      SparkSql.of(request)
          .ifPresent(sql -> assertThat(sql).as(type.wireName()).startsWith("SELECT "));
    }
  }
}
