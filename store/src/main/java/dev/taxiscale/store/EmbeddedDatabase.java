package dev.taxiscale.store;

import dev.taxiscale.core.process.OrphanGuard;
import dev.taxiscale.store.replica.ReplicationSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the zonky binaries, for a single machine without an installed
 * database.
 *
 * <p>Other local users cannot use it: it listens on loopback only, asks every client for a password
 * ({@code scram-sha-256}, see {@link AccessPolicy}), opens no Unix socket, and hands the
 * application a role that is no superuser ({@link #config()}).
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
  private final ServerSecrets secrets;
  private final Path deleteOnClose;
  private final OrphanGuard guard;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean ownerStopsAtExit;

  /** How long the stop hook waits for an owner that said it stops the server itself at exit. */
  static final Duration OWNER_GRACE = Duration.ofSeconds(30);

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, ServerSecrets secrets, Path deleteOnClose, OrphanGuard guard) {
    this.postgres = postgres;
    this.secrets = secrets;
    this.deleteOnClose = deleteOnClose;
    this.guard = guard;
  }

  /**
   * Starts a durable server on a data directory, creating it on first use.
   *
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   */
  public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException {
    return start(dataDirectory, port, AccessPolicy.standard(), Map.of());
  }

  /** The same, letting in whom {@code access} adds (such as a replication role). */
  public static EmbeddedDatabase start(Path dataDirectory, int port, AccessPolicy access)
      throws IOException {
    return start(dataDirectory, port, access, Map.of());
  }

  /**
   * Starts a durable server that read replicas can stream from: full WAL ({@code
   * wal_level=replica}), room for {@value #MAX_REPLICAS} WAL senders and replication slots, and
   * replication logins of the superuser with its password from 127.0.0.1, at the cost of
   * WAL-logging bulk loads that the default server writes without WAL.
   *
   * @param port the TCP port on 127.0.0.1, or 0 to choose a free one
   */
  public static EmbeddedDatabase startPrimary(Path dataDirectory, int port) throws IOException {
    String replicas = Integer.toString(MAX_REPLICAS);
    return start(
        dataDirectory,
        port,
        AccessPolicy.standard()
            .withHbaLine("host replication " + USER + " 127.0.0.1/32 scram-sha-256"),
        Map.of(
            "wal_level", "replica",
            "max_wal_senders", replicas,
            "max_replication_slots", replicas));
  }

  private static EmbeddedDatabase start(
      Path dataDirectory, int port, AccessPolicy access, Map<String, String> settings)
      throws IOException {
    Files.createDirectories(dataDirectory);
    StaleServer.stopIfRunning(dataDirectory);
    LegacyTrust.upgrade(dataDirectory, port);
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
        locked(builder.setRegisterShutdownHook(false), dataDirectory, access, null);
    Runtime.getRuntime().addShutdownHook(new Thread(database::stopAtExit, "taxiscale-pg-stop"));
    return database;
  }

  /**
   * Starts a throwaway server in a temporary directory, for tests and benchmarks: fsync is off
   * because its data need not survive a crash.
   */
  public static EmbeddedDatabase startEphemeral() throws IOException {
    Path dir = Files.createTempDirectory("taxiscale-pg");
    EmbeddedPostgres.Builder builder =
        bulkLoadTuned(EmbeddedPostgres.builder())
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off");
    return locked(builder, dir, AccessPolicy.standard(), dir);
  }

  /**
   * Starts {@code builder} with passwords everywhere: initdb gives the superuser its password, the
   * policy's {@code pg_hba.conf} replaces initdb's before every start, and the roles are brought up
   * to date once the server answers.
   */
  private static EmbeddedDatabase locked(
      EmbeddedPostgres.Builder builder, Path dataDirectory, AccessPolicy access, Path deleteOnClose)
      throws IOException {
    Map<String, String> env = System.getenv();
    ServerSecrets secrets = ServerSecrets.of(dataDirectory, env);
    Path initPassword = secrets.adminPasswordFile();
    EmbeddedPostgres postgres;
    try {
      postgres =
          builder
              .setLocaleConfig("pwfile", initPassword.toString())
              .setLocaleConfig("auth-host", "scram-sha-256")
              .setLocaleConfig("auth-local", "scram-sha-256")
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setConnectConfig("password", secrets.admin())
              .setDataDirectoryCustomizer(dir -> prepare(dir.toPath(), access, secrets, env))
              .start();
    } finally {
      Files.deleteIfExists(initPassword);
    }
    OrphanGuard guard;
    try {
      guard = PostmasterGuard.watch(dataDirectory);
    } catch (IOException e) {
      postgres.close();
      throw e;
    }
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, secrets, deleteOnClose, guard);
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      ServerRoles.ensure(c, secrets.app(), access);
    } catch (SQLException e) {
      database.closeQuietly();
      throw new IOException("could not set up the database roles: " + e.getMessage(), e);
    }
    return database;
  }

  private static void prepare(
      Path dataDirectory, AccessPolicy access, ServerSecrets secrets, Map<String, String> env) {
    secrets.keepIn(dataDirectory, env);
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), access.hbaFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** How the application reaches this server: as its own role, which is no superuser. */
  public DbConfig config() {
    return DbConfig.defaults()
        .withJdbcUrl(jdbcUrl())
        .withCredentials(ServerRoles.APP, secrets.app());
  }

  /**
   * How another process of the same user reaches the server running on {@code dataDirectory} and
   * {@code port}: as the application role, with the password kept there.
   */
  public static DbConfig configFor(Path dataDirectory, int port) {
    ServerSecrets secrets = ServerSecrets.of(dataDirectory, System.getenv());
    return DbConfig.defaults()
        .withJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE)
        .withCredentials(ServerRoles.APP, secrets.app());
  }

  /**
   * How another process reaches the server of {@code dataDirectory} as the superuser, as a read
   * replica seeding itself does; the password comes from the data directory.
   */
  public static DbConfig adminConfigFor(Path dataDirectory, int port) {
    ServerSecrets secrets = ServerSecrets.of(dataDirectory, System.getenv());
    return DbConfig.defaults()
        .withJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE)
        .withCredentials(USER, secrets.admin());
  }

  /** Where read replicas stream from: this server, as its superuser. */
  public ReplicationSource replicationSource() {
    return ReplicationSource.local(port(), USER, secrets.admin());
  }

  /** How administrative tools (tests creating databases) reach it: as the superuser. */
  public DbConfig adminConfig() {
    return DbConfig.defaults().withJdbcUrl(jdbcUrl()).withCredentials(USER, secrets.admin());
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
    try {
      postgres.close();
      guard.close();
      if (deleteOnClose != null) {
        deleteRecursively(deleteOnClose);
      }
    } finally {
      stopped.countDown();
    }
  }

  /**
   * Says that the application stops this server itself when the JVM exits, after what uses it. The
   * JVM runs its shutdown hooks at once, so a hook stopping the server straight away pulls it from
   * under workers that are still stopping (their pools then warn about closed connections); with an
   * owner the hook waits for the owner's {@link #close} (at most {@link #OWNER_GRACE}).
   */
  public void stoppedByOwnerAtExit() {
    ownerStopsAtExit = true;
  }

  /** The stop hook: stops the server unless its owner does so in time. */
  void stopAtExit() {
    if (ownerStopsAtExit) {
      try {
        stopped.await(OWNER_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly();
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
