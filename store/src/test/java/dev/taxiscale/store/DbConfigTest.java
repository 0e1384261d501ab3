package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DbConfigTest {

  @Test
  void shouldBeEmbeddedWithoutAUrl() {
    assertThat(DbConfig.fromEnvironment(Map.of()).embedded()).isTrue();
  }

  @Test
  void shouldTakeUrlUserAndPasswordFromTheEnvironment() {
    DbConfig config =
        DbConfig.fromEnvironment(
            Map.of(
                "TAXISCALE_JDBC_URL", "jdbc:postgresql://db:5432/taxi",
                "TAXISCALE_DB_USER", "taxi",
                "TAXISCALE_DB_PASSWORD", "secret"));

    assertThat(config)
        .isEqualTo(new DbConfig("jdbc:postgresql://db:5432/taxi", "taxi", "secret", 8));
  }

  @Test
  void shouldRejectANonPostgresUrl() {
    assertThatThrownBy(() -> new DbConfig("jdbc:mysql://db/taxi", "u", "p", 4))
        .hasMessageContaining("jdbc:postgresql:");
  }

  @Test
  void shouldKeepThePasswordOutOfItsText() {
    assertThat(new DbConfig(null, "u", "secret", 4).toString()).doesNotContain("secret");
  }
}
