package dev.taxiscale.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTest {

  @Test
  void shouldKeepValuesOutOfTheStatementText() {
    Sql sql = new Sql().add("SELECT 1 WHERE source = ?", "yellow'; DROP TABLE trips; --");

    assertThat(sql.text()).isEqualTo("SELECT 1 WHERE source = ?");
    assertThat(sql.values()).containsExactly("yellow'; DROP TABLE trips; --");
  }

  @Test
  void shouldRefuseAFragmentWhosePlaceholdersDoNotMatchItsValues() {
    assertThatThrownBy(() -> new Sql().add("a = ? AND b = ?", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 placeholders but 1 values");
  }
}
