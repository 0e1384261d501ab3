package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.replica.ReadReplica;
import dev.taxiscale.store.replica.ReplicaLag;
import dev.taxiscale.store.replica.ReplicationSource;
import dev.taxiscale.store.replica.StandbyStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read replicas seeded from a running embedded primary, and what they report about their lag. */
class ReadReplicaIntegrationTest {
  private static final Duration CATCH_UP = Duration.ofSeconds(20);
  private static final int FILE_ID = 7;

  @TempDir static Path dirs;
  private static EmbeddedDatabase primary;
  private static ReplicationSource source;
  private static ReadReplica replica;
  private static long nextLine = 1;

  @BeforeAll
  static void seedAReplicaOfAPrimaryWithTrips() throws Exception {
    primary = startPrimaryWithSchema(dirs.resolve("primary"));
    source = primary.replicationSource();
    insertTrips(primary, 1_000);
    replica = ReadReplica.seed(source, "reads_1", dirs.resolve("reads_1"), 0);
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (replica != null) {
      replica.discard();
    }
    primary.close();
  }

  @Test
  void shouldAnswerReadsWithThePrimarysRows() throws Exception {
    String sql = "SELECT count(*) || ':' || sum(id) FROM trips WHERE id <= " + idOf(1_000);
    assertThat(query(replica.connect(), sql)).isEqualTo(query(primaryConnection(), sql));
  }

  @Test
  void shouldRefuseWritesOnTheReplica() {
    assertThatThrownBy(() -> query(replica.connect(), "DELETE FROM trips RETURNING 1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("read-only transaction");
  }

  @Test
  void shouldShowRowsInsertedOnThePrimaryAfterSeeding() throws Exception {
    long last = insertTrips(primary, 10);
    awaitUntil("the replica holds trip " + last, () -> holds(replica, last));
  }

  @Test
  void shouldReportNoLagOnceCaughtUp() throws Exception {
    insertTrips(primary, 10);
    awaitUntil(
        "the replica has replayed all it received", () -> replica.lag().within(Duration.ZERO));
    ReplicaLag lag = replica.lag();
    assertThat(lag.state()).isEqualTo(ReplicaLag.State.STREAMING);
    assertThat(lag.replayBacklogBytes()).isZero();
    try (Connection c = primaryConnection()) {
      assertThat(StandbyStatus.onPrimary(c)).extracting(StandbyStatus::name).contains("reads_1");
    }
  }

  @Test
  void shouldStartAStoppedReplicaDirectoryAgainAndCatchUp() throws Exception {
    Path dir = dirs.resolve("reads_restarted");
    ReadReplica.seed(source, "reads_restarted", dir, 0).close();
    long last = insertTrips(primary, 10);

    try (ReadReplica restarted = ReadReplica.start(dir, 0)) {
      awaitUntil("the restarted replica holds trip " + last, () -> holds(restarted, last));
    } finally {
      ReadReplica.start(dir, 0).discard();
    }
  }

  @Test
  void shouldReportDisconnectedOnceItsPrimaryStops() throws Exception {
    EmbeddedDatabase lonePrimary = EmbeddedDatabase.startPrimary(dirs.resolve("lone_primary"), 0);
    ReplicationSource lone = lonePrimary.replicationSource();
    try (ReadReplica orphan = ReadReplica.seed(lone, "orphan", dirs.resolve("orphan"), 0)) {
      assertThat(orphan.lag().state()).isEqualTo(ReplicaLag.State.STREAMING);

      lonePrimary.close();

      awaitUntil(
          "the replica reports no WAL receiver",
          () -> orphan.lag().state() == ReplicaLag.State.DISCONNECTED);
      assertThat(orphan.lag().within(Duration.ofDays(1))).isFalse();
    }
  }

  @Test
  void shouldRefuseToSeedIntoADirectoryThatIsNotEmpty() throws Exception {
    Path dir = Files.createDirectories(dirs.resolve("occupied"));
    Files.writeString(dir.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> ReadReplica.seed(source, "occupied", dir, 0))
        .hasMessageContaining("not empty");
    assertThat(dir.resolve("notes.txt")).exists();
  }

  @Test
  void shouldRefuseToSeedFromAServerThatDoesNotReplicate() throws Exception {
    try (EmbeddedDatabase plain = EmbeddedDatabase.startEphemeral()) {
      ReplicationSource notAPrimary = plain.replicationSource();

      assertThatThrownBy(() -> ReadReplica.seed(notAPrimary, "refused", dirs.resolve("refused"), 0))
          .hasMessageContaining("start it with EmbeddedDatabase.startPrimary");
    }
  }

  private static EmbeddedDatabase startPrimaryWithSchema(Path dir) throws Exception {
    EmbeddedDatabase server = EmbeddedDatabase.startPrimary(dir, 0);
    try (Database db = Database.open(server.config())) {
      return server;
    }
  }

  /** Inserts {@code count} more trips on the primary and returns the id of the last one. */
  private static synchronized long insertTrips(EmbeddedDatabase server, int count)
      throws SQLException {
    List<Trip> trips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      trips.add(Trips.pennStationToUnionSquare(FILE_ID, nextLine++));
    }
    try (Connection c = primaryConnection(server)) {
      TripCopyWriter.copy(c, trips.iterator());
    }
    return idOf(nextLine - 1);
  }

  private static long idOf(long line) {
    return Trip.idOf(FILE_ID, line);
  }

  private static boolean holds(ReadReplica server, long tripId) throws SQLException {
    return query(server.connect(), "SELECT count(*) FROM trips WHERE id = " + tripId).equals("1");
  }

  private static Connection primaryConnection() throws SQLException {
    return primaryConnection(primary);
  }

  private static Connection primaryConnection(EmbeddedDatabase server) throws SQLException {
    return server.replicationSource().connect();
  }

  /** Runs one query on a connection it then closes, and returns the first column. */
  private static String query(Connection connection, String sql) throws SQLException {
    try (Connection c = connection;
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #CATCH_UP}. */
  private static void awaitUntil(String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + CATCH_UP + " waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
