package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestFilesIntegrationTest {
  @RegisterExtension static final MigratedPostgres db = MigratedPostgres.asApplication();

  private static IngestFiles files;

  private static final FileCounts TWO_KEPT_ONE_TRUNCATED =
      FileCounts.of(2, Map.of(Reason.TRUNCATED_ROW, 1L));
  private static final FileCounts THREE_KEPT = FileCounts.of(3, Map.of());

  @BeforeAll
  static void startDatabase() throws Exception {
    files = new IngestFiles(db.dataSource());
  }

  @BeforeEach
  void emptyTables() throws Exception {
    db.execute("TRUNCATE trips, trip_hours, ingest_files RESTART IDENTITY");
  }

  private static FileClaim claimJanuary() throws SQLException {
    return files.claim("yellow-2014-01.csv", "1024:abc:def", "YELLOW_2014", "local");
  }

  private static FileClaim reloadJanuary() throws SQLException {
    return files.claim("yellow-2014-01.csv", "1024:abc:def", "YELLOW_2014", "local", true);
  }

  private static void copyTrips(String table, int fileId, int count) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      TripCopyWriter.copy(
          c,
          table,
          java.util.stream.IntStream.rangeClosed(1, count)
              .mapToObj(line -> Trips.pennStationToUnionSquare(fileId, line))
              .iterator());
    }
  }

  /** January loaded once with two trips kept. */
  private static int loadJanuary() throws SQLException {
    try (FileClaim claim = claimJanuary()) {
      copyTrips(claim.table(), claim.fileId(), 2);
      claim.finish(TWO_KEPT_ONE_TRUNCATED);
      return claim.fileId();
    }
  }

  private static long trips() throws SQLException {
    return db.queryLong("SELECT count(*) FROM trips");
  }

  @Test
  void shouldRegisterANewFileAsNotDone() throws Exception {
    try (FileClaim claim = claimJanuary()) {
      assertThat(claim.done()).isFalse();
      assertThat(claim.table()).isEqualTo(Tables.TRIPS);
      assertThat(db.queryString("SELECT status FROM ingest_files")).isEqualTo("loading");
    }
  }

  @Test
  void shouldReportAFinishedFileAsDoneWithItsCounts() throws Exception {
    int fileId = loadJanuary();

    try (FileClaim again = claimJanuary()) {
      assertThat(again.registration())
          .isEqualTo(new FileRegistration(fileId, true, TWO_KEPT_ONE_TRUNCATED));
    }
  }

  @Test
  void shouldDeleteRowsOfAnInterruptedLoadWhenClaimedAgain() throws Exception {
    int fileId;
    try (FileClaim first = claimJanuary()) {
      fileId = first.fileId();
      copyTrips(Tables.TRIPS, fileId, 2);
    }

    try (FileClaim again = claimJanuary()) {
      assertThat(again.fileId()).isEqualTo(fileId);
      assertThat(trips()).isZero();
    }
  }

  @Test
  void shouldKeepRowsOfOtherFiles() throws Exception {
    try (FileClaim green = files.claim("green.csv", "2048:x:y", "GREEN_2014", "local")) {
      copyTrips(Tables.TRIPS, green.fileId(), 2);
      green.finish(FileCounts.of(2, Map.of()));
    }

    try (FileClaim january = claimJanuary()) {
      assertThat(trips()).isEqualTo(2);
    }
  }

  @Test
  void shouldRefuseToClaimAFileAnotherLoaderHolds() throws Exception {
    try (FileClaim live = claimJanuary()) {
      copyTrips(Tables.TRIPS, live.fileId(), 2);

      assertThatThrownBy(IngestFilesIntegrationTest::claimJanuary)
          .isInstanceOf(SQLException.class)
          .hasMessage(
              "yellow-2014-01.csv is being loaded by another process (file "
                  + live.fileId()
                  + "); wait for it to finish or stop it");
      assertThat(trips()).isEqualTo(2);
    }
  }

  @Test
  void shouldKeepTheOldRowsOfAReloadedFileVisibleUntilTheReloadFinishes() throws Exception {
    int fileId = loadJanuary();

    try (FileClaim reload = reloadJanuary()) {
      assertThat(reload.fileId()).isEqualTo(fileId);
      assertThat(reload.replacing()).isTrue();
      copyTrips(reload.table(), fileId, 3);

      assertThat(trips()).isEqualTo(2);
      assertThat(db.queryString("SELECT status FROM ingest_files")).isEqualTo("done");
    }
  }

  @Test
  void shouldSwapAReloadsRowsAndSumsInWhenItFinishes() throws Exception {
    int fileId = loadJanuary();

    try (FileClaim reload = reloadJanuary()) {
      copyTrips(reload.table(), fileId, 3);
      reload.finish(THREE_KEPT);
    }

    assertThat(trips()).isEqualTo(3);
    assertThat(db.queryLong("SELECT sum(trips) FROM trip_hours")).isEqualTo(3);
    assertThat(db.queryString("SELECT status || ':' || kept FROM ingest_files"))
        .isEqualTo("done:3");
    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'trips_reload%'"))
        .isZero();
  }

  @Test
  void shouldLeaveTheOldRowsWhenAReloadIsAbandoned() throws Exception {
    loadJanuary();

    try (FileClaim reload = reloadJanuary()) {
      copyTrips(reload.table(), reload.fileId(), 3);
      reload.abandon();
    }

    assertThat(trips()).isEqualTo(2);
    try (FileClaim again = claimJanuary()) {
      assertThat(again.registration().counts()).isEqualTo(TWO_KEPT_ONE_TRUNCATED);
    }
  }

  @Test
  void shouldLeaveTheOldRowsWhenTheReloadingProcessIsGone() throws Exception {
    loadJanuary();
    // a closed claim releases its lock exactly as a dead process's session does
    try (FileClaim reload = reloadJanuary()) {
      copyTrips(reload.table(), reload.fileId(), 3);
    }

    assertThat(new InterruptedLoads(db.dataSource()).recover()).isEmpty();

    assertThat(trips()).isEqualTo(2);
    assertThat(db.queryLong("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'trips_reload%'"))
        .isZero();
    assertThat(files.list())
        .extracting(IngestedFile::state)
        .containsExactly(IngestedFile.State.DONE);
  }

  @Test
  void shouldMarkALoadWhoseLoaderIsGoneInterruptedWithoutItsRows() throws Exception {
    int fileId;
    try (FileClaim gone = claimJanuary()) {
      fileId = gone.fileId();
      copyTrips(Tables.TRIPS, fileId, 2);
    }
    assertThat(files.list())
        .extracting(IngestedFile::state)
        .containsExactly(IngestedFile.State.INTERRUPTED);

    assertThat(new InterruptedLoads(db.dataSource()).recover()).containsExactly(fileId);

    assertThat(trips()).isZero();
    assertThat(db.queryString("SELECT status FROM ingest_files")).isEqualTo("interrupted");
  }

  @Test
  void shouldLeaveALiveLoadAloneWhenRecovering() throws Exception {
    try (FileClaim live = claimJanuary()) {
      copyTrips(Tables.TRIPS, live.fileId(), 2);

      assertThat(new InterruptedLoads(db.dataSource()).recover()).isEmpty();

      assertThat(trips()).isEqualTo(2);
      assertThat(files.list())
          .extracting(IngestedFile::state)
          .containsExactly(IngestedFile.State.LOADING);
    }
  }

  @Test
  void shouldListAFileBeingReloadedAsReloading() throws Exception {
    loadJanuary();

    try (FileClaim reload = reloadJanuary()) {
      assertThat(files.list())
          .extracting(IngestedFile::state)
          .containsExactly(IngestedFile.State.RELOADING);
    }
  }

  @Test
  void shouldClaimAnInterruptedFileAgainUnderItsOwnId() throws Exception {
    int fileId;
    try (FileClaim gone = claimJanuary()) {
      fileId = gone.fileId();
    }
    new InterruptedLoads(db.dataSource()).recover();

    try (FileClaim again = claimJanuary()) {
      assertThat(again.fileId()).isEqualTo(fileId);
      assertThat(again.done()).isFalse();
    }
  }
}
