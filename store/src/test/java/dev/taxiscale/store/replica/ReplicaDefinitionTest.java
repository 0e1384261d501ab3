package dev.taxiscale.store.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaDefinitionTest {
  private static final ReplicationSource PRIMARY =
      ReplicationSource.local(5432, "replicator", "it's a secret");

  @Test
  void shouldRejectANameThatCannotNameASlot() {
    assertThatThrownBy(() -> new ReplicaDefinition("Node-1", PRIMARY, Map.of()))
        .hasMessageContaining("replica name must be 1-63 of a-z, 0-9 and _")
        .hasMessageContaining("'Node-1'");
  }

  @Test
  void shouldRejectASettingThatAShellWouldSplit() {
    assertThatThrownBy(
            () -> new ReplicaDefinition("node_1", PRIMARY, Map.of("search_path", "a, b")))
        .hasMessageContaining("replica setting search_path must be plain");
  }

  @Test
  void shouldReadBackWhatItSaved(@TempDir Path dir) throws Exception {
    ReplicaDefinition saved = new ReplicaDefinition("node_1", PRIMARY, Map.of("fsync", "off"));

    saved.save(dir);

    assertThat(ReplicaDefinition.load(dir)).isEqualTo(saved);
  }

  @Test
  void shouldQuoteThePasswordInThePrimaryConnection(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("postgresql.auto.conf"), "# ALTER SYSTEM settings\n");

    new ReplicaDefinition("node_1", PRIMARY, Map.of()).writeStandbyConnection(dir);

    assertThat(Files.readString(dir.resolve("postgresql.auto.conf")))
        .contains("password=''it\\\\''s a secret''")
        .contains("primary_slot_name = 'node_1'");
  }
}
