package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
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
    assertThat(SparkSql.BY_TYPE.missing()).isEmpty();
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
