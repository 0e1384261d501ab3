package dev.taxiscale.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, for a single machine without an installed
 * database.
 *
 * <p>The durable variant keeps its data directory across restarts with fsync and synchronous commit
 * on; the ephemeral one lives in a temporary directory that is deleted on close.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";

  /** How many read replicas a primary can feed at once. */
  public static final int MAX_REPLICAS = 16;

  private final EmbeddedPostgres postgres;
  private final Path deleteOnClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path deleteOnClose) {
    this.postgres = postgres;
    this.deleteOnClose = deleteOnClose;
  }

  /**
   * Starts a durable server on a data directory, creating it on first use.
   *
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
    return start(dataDirectory, port, Map.of());
  }

  /**
   * Starts a durable server that read replicas can stream from: full WAL ({@code
   * wal_level=replica}) and room for {@value #MAX_REPLICAS} WAL senders and replication slots, at
   * the cost of WAL-logging bulk loads that the default server writes without WAL.
   *
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   */
  public static EmbeddedDatabase startPrimary(Path dataDirectory, int port) throws IOException {
    String replicas = Integer.toString(MAX_REPLICAS);
    return start(
        dataDirectory,
        port,
        Map.of(
            "wal_level", "replica",
            "max_wal_senders", replicas,
            "max_replication_slots", replicas));
  }

  private static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> settings)
      throws IOException {
    Files.createDirectories(dataDirectory);
    EmbeddedPostgres.Builder builder =
        bulkLoadTuned(EmbeddedPostgres.builder())
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
    if (port > 0) {
      builder.setPort(port);
    }
    settings.forEach(builder::setServerConfig);
    log.info("starting PostgreSQL on data directory {}", dataDirectory);
    // zonky's own hook would stop the server without the checkpoint, racing the application's
    // orderly shutdown; this hook closes it properly instead, and is a no-op after close().
    EmbeddedDatabase database =
        new EmbeddedDatabase(builder.setRegisterShutdownHook(false).start(), null);
    Runtime.getRuntime().addShutdownHook(new Thread(database::closeQuietly, "taxiscale-pg-stop"));
    return database;
  }

  /**
   * Starts a throwaway server in a temporary directory, for tests and benchmarks: fsync is off
   * because its data need not survive a crash.
   */
  public static EmbeddedDatabase startEphemeral() throws IOException {
    Path dir = Files.createTempDirectory("taxiscale-pg");
    EmbeddedPostgres postgres =
        bulkLoadTuned(EmbeddedPostgres.builder())
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .start();
    return new EmbeddedDatabase(postgres, dir);
  }

  /** Settings that keep bulk COPY and index builds from stalling on checkpoints or spilling. */
  private static EmbeddedPostgres.Builder bulkLoadTuned(EmbeddedPostgres.Builder builder) {
    return builder
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("shared_buffers", "256MB")
        .setServerConfig("max_wal_size", "8GB")
        .setServerConfig("checkpoint_timeout", "15min")
        .setServerConfig("maintenance_work_mem", "512MB")
        .setServerConfig("max_parallel_maintenance_workers", "2")
        .setServerConfig("max_connections", "100")
        // nothing replicates from the embedded server, so an index built after a bulk load (and a
        // table filled in the transaction that emptied it) is synced once instead of WAL-logged
        .setServerConfig("wal_level", "minimal")
        .setServerConfig("max_wal_senders", "0");
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A configuration that reaches this server. */
  public DbConfig config() {
    return DbConfig.defaults().withJdbcUrl(jdbcUrl());
  }

  /** Checkpoints, then stops the server, which waits only 5 s for a shutdown checkpoint. */
  @Override
  public void close() throws IOException {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      log.warn("checkpoint before stop failed: {}", e.getMessage());
    }
    postgres.close();
    if (deleteOnClose != null) {
      deleteRecursively(deleteOnClose);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      log.warn("stopping PostgreSQL failed: {}", e.getMessage());
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(EmbeddedDatabase::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("could not delete {}: {}", path, e.getMessage());
    }
  }
}
