package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.NearbyCabsRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A type left out of the engine's list is reported with the place its line goes. */
class TypeSqlTest {
  /** The list with only the nearby query: every other registered type is left out. */
  private static final List<TypeSql<?>> ONLY_NEARBY =
      List.of(TypeSql.of(NearbyCabsRequest.class, (engine, r) -> null, r -> "SELECT 1"));

  @Test
  void shouldNameQueryEngineTypesWhenTheEngineLacksAType() {
    assertThatThrownBy(() -> TypeSql.answers(ONLY_NEARBY, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the query engine has nothing for query type rides")
        .hasMessageContaining("add its line to the list QueryEngine.TYPES");
  }

  @Test
  void shouldNameQueryEngineTypesWhenTheSparkBaselineLacksAType() {
    assertThatThrownBy(() -> TypeSql.sparkStatements(ONLY_NEARBY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the Spark baseline has nothing for query type rides")
        .hasMessageContaining("add its line to the list QueryEngine.TYPES");
  }
}
