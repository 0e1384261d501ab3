package dev.taxiscale.store.replica;

import dev.taxiscale.core.process.OrphanGuard;
import dev.taxiscale.store.PostmasterGuard;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hot-standby PostgreSQL server streaming from a primary on this machine: it answers reads with
 * the primary's rows, a replication lag behind, and refuses writes.
 *
 * <p>{@link #seed} copies the primary into a new data directory and starts the copy; {@link #start}
 * starts an existing replica directory again, which catches up from where it stopped.
 */
public final class ReadReplica implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);

  /** Long enough to stream and replay the WAL the primary wrote while it was being copied. */
  private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

  private final EmbeddedPostgres postgres;
  private final ReplicaDefinition definition;
  private final Path dataDirectory;
  private final OrphanGuard guard;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ReadReplica(
      EmbeddedPostgres postgres,
      ReplicaDefinition definition,
      Path dataDirectory,
      OrphanGuard guard) {
    this.postgres = postgres;
    this.definition = definition;
    this.dataDirectory = dataDirectory;
    this.guard = guard;
  }

  /** Seeds with the default settings: those of the application's server that matter to reads. */
  public static ReadReplica seed(
      ReplicationSource primary, String name, Path dataDirectory, int port)
      throws IOException, SQLException {
    return seed(primary, name, dataDirectory, port, Map.of());
  }

  /**
   * Copies the running primary into {@code dataDirectory}, which must be absent or empty, creates
   * the replication slot {@code name} on the primary, and starts the copy as its hot standby.
   *
   * @param name the replica's slot and application name on the primary: a-z, 0-9 and _
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   * @param settings server settings that override the defaults (e.g. {@code shared_buffers})
   */
  public static ReadReplica seed(
      ReplicationSource primary,
      String name,
      Path dataDirectory,
      int port,
      Map<String, String> settings)
      throws IOException, SQLException {
    ReplicaDefinition.requireSlotName(name);
    DataDirectoryCopy.requireEmpty(dataDirectory);
    Map<String, String> all = new LinkedHashMap<>(defaults());
    try {
      all.putAll(BaseBackup.take(primary, name, dataDirectory));
    } catch (IOException | SQLException | RuntimeException e) {
      DataDirectoryCopy.deleteRecursively(dataDirectory);
      throw e;
    }
    all.putAll(settings);
    ReplicaDefinition definition = new ReplicaDefinition(name, primary, all);
    try {
      definition.save(dataDirectory);
      definition.writeStandbyConnection(dataDirectory);
      return start(definition, dataDirectory, port);
    } catch (IOException | RuntimeException e) {
      dropSlotQuietly(primary, name);
      DataDirectoryCopy.deleteRecursively(dataDirectory);
      throw e;
    }
  }

  /**
   * Starts a replica directory made by {@link #seed} again; it streams from its primary's slot
   * where it stopped.
   *
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   */
  public static ReadReplica start(Path dataDirectory, int port) throws IOException {
    return start(ReplicaDefinition.load(dataDirectory), dataDirectory, port);
  }

  private static ReadReplica start(ReplicaDefinition definition, Path dataDirectory, int port)
      throws IOException {
    long started = System.nanoTime();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            // the copy holds postgresql.conf, so zonky starts it without initdb
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(STARTUP_WAIT)
            .setRegisterShutdownHook(false);
    definition.serverSettings().forEach(builder::setServerConfig);
    if (!definition.primary().password().isEmpty()) {
      // zonky's readiness check logs in as postgres
      builder.setConnectConfig("password", definition.primary().password());
    }
    EmbeddedPostgres postgres = builder.start();
    OrphanGuard guard;
    try {
      guard = PostmasterGuard.watch(dataDirectory);
    } catch (IOException e) {
      postgres.close();
      throw e;
    }
    ReadReplica replica = new ReadReplica(postgres, definition, dataDirectory, guard);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(replica::closeQuietly, "taxiscale-replica-stop"));
    log.info(
        "replica {} ready on port {} in {} ms",
        definition.name(),
        replica.port(),
        (System.nanoTime() - started) / 1_000_000);
    return replica;
  }

  /** What a replica serving reads needs; see the runbook's "Read replicas". */
  private static Map<String, String> defaults() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("shared_buffers", "256MB");
    // a replica is seeded again rather than recovered after the machine crashes; with fsync on it
    // would also flush the whole copy before its first start
    settings.put("fsync", "off");
    // tells the primary which rows running reads still see, so vacuum there does not cancel them
    settings.put("hot_standby_feedback", "on");
    return settings;
  }

  public String name() {
    return definition.name();
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The replica's URL, for the same users as the primary's (the copy has its roles). */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + ReplicationSource.DATABASE;
  }

  /** A plain connection as the replication role, e.g. to measure the lag. */
  public Connection connect() throws SQLException {
    return definition.primary().connect("127.0.0.1", port());
  }

  /** How far behind the primary this replica is, measured on the replica with one query. */
  public ReplicaLag lag() throws SQLException {
    try (Connection c = connect()) {
      return ReplicaLag.measure(c);
    }
  }

  /** Stops the server; its directory and its slot on the primary stay, for {@link #start}. */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // a restartpoint now makes the stop, which zonky waits only 5 s for, quick
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      log.warn("checkpoint before stop failed: {}", e.getMessage());
    }
    postgres.close();
    guard.close();
  }

  /**
   * Stops the server, drops its slot so the primary no longer keeps WAL for it, and deletes its
   * directory.
   */
  public void discard() throws IOException, SQLException {
    close();
    try (Connection primary = definition.primary().connect()) {
      BaseBackup.dropSlot(primary, definition.name());
    }
    DataDirectoryCopy.deleteRecursively(dataDirectory);
  }

  private static void dropSlotQuietly(ReplicationSource primary, String slot) {
    try (Connection c = primary.connect()) {
      BaseBackup.dropSlot(c, slot);
    } catch (SQLException e) {
      log.warn("could not drop replication slot {}: {}", slot, e.getMessage());
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      log.warn("stopping replica {} failed: {}", name(), e.getMessage());
    }
  }
}
