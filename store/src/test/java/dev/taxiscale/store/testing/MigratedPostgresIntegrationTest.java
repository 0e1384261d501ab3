package dev.taxiscale.store.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigratedPostgresIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  @RegisterExtension static final MigratedPostgres application = MigratedPostgres.asApplication();

  @Test
  void shouldGiveTheClassAMigratedEmptyDatabase() throws Exception {
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  @Test
  void shouldNameTheDatabaseAfterTheTestClass() throws Exception {
    assertThat(postgres.queryString("SELECT current_database()"))
        .endsWith("_migratedpostgresintegrationtest");
  }

  @Test
  void shouldGiveEachRegisteredFixtureADatabaseOfItsOwn() throws Exception {
    assertThat(application.queryString("SELECT current_database()"))
        .isNotEqualTo(postgres.queryString("SELECT current_database()"));
  }

  @Test
  void shouldLetTheApplicationRoleOwnItsDatabaseWithoutSuperuserRights() throws Exception {
    assertThat(
            application.queryString(
                "SELECT rolsuper::text FROM pg_roles" + " WHERE rolname = current_user"))
        .isEqualTo("false");
    assertThat(
            application.queryString(
                "SELECT pg_get_userbyid(datdba) = current_user FROM pg_database"
                    + " WHERE datname = current_database()"))
        .isEqualTo("t");
  }
}
