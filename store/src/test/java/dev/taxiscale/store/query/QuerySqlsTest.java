package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.QueryType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered query type has one SQL class, found without a list; a missing one is named. */
class QuerySqlsTest {
  /** Only the nearby query: every other registered type is left out. */
  private static final List<QuerySql<?>> ONLY_NEARBY = List.of(new NearbyCabsQuery());

  @Test
  void shouldFindExactlyOneSqlClassForEveryRegisteredType() {
    List<Class<?>> found = QuerySqls.FOUND.stream().<Class<?>>map(QuerySql::requestClass).toList();

    assertThat(found)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(QueryType.values()).<Class<?>>map(QueryType::requestClass).toList());
  }

  @Test
  void shouldBuildCompleteTablesFromTheFoundSqlClasses() {
    assertThatCode(() -> QuerySqls.answers(QuerySqls.FOUND, null)).doesNotThrowAnyException();
    assertThatCode(() -> QuerySqls.sparkStatements(QuerySqls.FOUND)).doesNotThrowAnyException();
  }

  @Test
  void shouldSayWhatToWriteWhenTheEngineLacksAType() {
    assertThatThrownBy(() -> QuerySqls.answers(ONLY_NEARBY, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the query engine has nothing for query type rides")
        .hasMessageContaining("@AutoService(QuerySql.class) public final class TheQuery");
  }

  @Test
  void shouldSayWhatToWriteWhenTheSparkBaselineLacksAType() {
    assertThatThrownBy(() -> QuerySqls.sparkStatements(ONLY_NEARBY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the Spark baseline has nothing for query type rides")
        .hasMessageContaining("implements QuerySql<TheRequest>");
  }

  @Test
  void shouldRefuseTwoSqlClassesForOneType() {
    List<QuerySql<?>> twice = List.of(new NearbyCabsQuery(), new NearbyCabsQuery());

    assertThatThrownBy(() -> QuerySqls.answers(twice, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "two SQL classes answer NearbyCabsRequest: NearbyCabsQuery and NearbyCabsQuery;"
                + " keep one");
  }
}
