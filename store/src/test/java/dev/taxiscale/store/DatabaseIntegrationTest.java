package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.store.testing.MigratedPostgres;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseIntegrationTest {

  @RegisterExtension static final MigratedPostgres db = MigratedPostgres.asApplication();

  @Test
  void shouldCreateTheSchemaOnOpen() throws Exception {
    assertThat(db.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  @Test
  void shouldFailWithOneLineWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DbConfig nowhere =
        DbConfig.defaults().withJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/x");

    assertThatThrownBy(() -> Database.open(nowhere))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("database unavailable: ")
        .hasMessageContaining(Integer.toString(port))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
