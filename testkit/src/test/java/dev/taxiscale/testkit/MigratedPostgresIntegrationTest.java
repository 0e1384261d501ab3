package dev.taxiscale.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigratedPostgresIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @Test
  void shouldGiveTheClassAMigratedEmptyDatabase() throws Exception {
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  @Test
  void shouldNameTheDatabaseAfterTheTestClass() throws Exception {
    assertThat(postgres.queryString("SELECT current_database()"))
        .endsWith("_migratedpostgresintegrationtest");
  }
}
