package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestFilesIntegrationTest {
  private static MigratedDatabase db;
  private static IngestFiles files;

  private static final FileCounts TWO_KEPT_ONE_TRUNCATED =
      FileCounts.of(2, Map.of(Reason.TRUNCATED_ROW, 1L));

  @BeforeAll
  static void startDatabase() throws Exception {
    db = MigratedDatabase.start();
    files = new IngestFiles(db.dataSource());
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void emptyTables() throws Exception {
    db.execute("TRUNCATE trips, ingest_files RESTART IDENTITY");
  }

  private static FileRegistration beginJanuary() throws Exception {
    return files.begin("yellow-2014-01.csv", "1024:abc:def", "YELLOW_2014", "local");
  }

  private static void copyTwoTrips(int fileId) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      TripCopyWriter.copy(
          c,
          List.of(
                  Trips.pennStationToUnionSquare(fileId, 3),
                  Trips.pennStationToUnionSquare(fileId, 4))
              .iterator());
    }
  }

  @Test
  void shouldRegisterANewFileAsNotDone() throws Exception {
    FileRegistration registration = beginJanuary();

    assertThat(registration.done()).isFalse();
    assertThat(db.queryString("SELECT status FROM ingest_files")).isEqualTo("loading");
  }

  @Test
  void shouldReportAFinishedFileAsDoneWithItsCounts() throws Exception {
    int fileId = beginJanuary().fileId();
    files.finish(fileId, TWO_KEPT_ONE_TRUNCATED);

    assertThat(beginJanuary())
        .isEqualTo(new FileRegistration(fileId, true, TWO_KEPT_ONE_TRUNCATED));
  }

  @Test
  void shouldDeleteRowsOfAnInterruptedLoadWhenBegunAgain() throws Exception {
    int fileId = beginJanuary().fileId();
    copyTwoTrips(fileId);

    FileRegistration again = beginJanuary();

    assertThat(again.fileId()).isEqualTo(fileId);
    assertThat(db.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  @Test
  void shouldKeepRowsOfOtherFiles() throws Exception {
    int other = files.begin("green.csv", "2048:x:y", "GREEN_2014", "local").fileId();
    copyTwoTrips(other);

    beginJanuary();

    assertThat(db.queryLong("SELECT count(*) FROM trips")).isEqualTo(2);
  }

  @Test
  void shouldReclaimADoneFileForAReload() throws Exception {
    int fileId = beginJanuary().fileId();
    copyTwoTrips(fileId);
    files.finish(fileId, TWO_KEPT_ONE_TRUNCATED);

    FileRegistration reload =
        files.begin("yellow-2014-01.csv", "1024:abc:def", "YELLOW_2014", "local", true);

    assertThat(reload).isEqualTo(new FileRegistration(fileId, false, FileCounts.NONE));
    assertThat(db.queryLong("SELECT count(*) FROM trips")).isZero();
  }
}
