package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.TripHours;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SampleFile;
import dev.taxiscale.testkit.TripFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalEngineIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  private static final String HOURS_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(h::text, ','"
          + " ORDER BY file_id, hour, square_x, square_y, source)) FROM trip_hours h";

  @TempDir Path dir;

  private IngestOptions options;

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.truncateAll();
    options =
        IngestOptions.defaults()
            .withCacheDir(dir.resolve("cache"))
            .withRejectsDir(dir.resolve("rejects"))
            .withProgressInterval(Duration.ofMillis(50));
  }

  private IngestReport ingest(Path... files) throws IngestException {
    return ingest(options, files);
  }

  private IngestReport ingest(IngestOptions with, Path... files) throws IngestException {
    List<String> inputs = java.util.Arrays.stream(files).map(Path::toString).toList();
    return new LocalEngine(postgres.dataSource(), with, ProgressSink.NONE).ingest(inputs);
  }

  private static List<Long> ids(int fileId, List<Long> lines) {
    return lines.stream().map(line -> Trip.idOf(fileId, line)).toList();
  }

  private static List<Long> tableIds() throws Exception {
    String ids = postgres.queryString("SELECT string_agg(id::text, ',' ORDER BY id) FROM trips");
    return ids == null
        ? List.of()
        : java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void shouldStoreExactlyTheKeptRowsOfEachFormat(TripFormat format) throws Exception {
    SampleFile sample = SampleFile.write(format, dir.resolve(format + ".csv"));

    FileReport report = ingest(sample.path()).files().get(0);

    assertThat(report.format()).isEqualTo(format);
    assertThat(tableIds()).isEqualTo(ids(report.fileId(), sample.keptLines()));
  }

  @Test
  void shouldSumTheKeptTripsOfEveryBlockAsTheStoreSumsTheStoredTrips() throws Exception {
    Path file = dir.resolve("yellow_tripdata_2015-01.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2015, 40_000), file);
    int fileId = ingest(options.withParallelism(3, 2), file).files().get(0).fileId();
    String summedWhileParsing = postgres.queryString(HOURS_DIGEST);

    postgres.execute("DELETE FROM trip_hours");
    try (Connection c = postgres.dataSource().getConnection()) {
      TripHours.fill(c, fileId);
    }

    assertThat(postgres.queryString(HOURS_DIGEST)).isEqualTo(summedWhileParsing);
    assertThat(postgres.queryLong("SELECT sum(trips) FROM trip_hours"))
        .isEqualTo(postgres.queryLong("SELECT count(*) FROM trips"));
  }

  @Test
  void shouldCountEveryRowAsKeptOrRejectedForOneReasonAndBlankLinesApart() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));

    FileReport report = ingest(sample.path()).files().get(0);

    assertThat(report.rowsIn()).isEqualTo(sample.rowsIn());
    assertThat(report.kept()).isEqualTo(sample.kept());
    assertThat(report.rejects())
        .containsExactlyInAnyOrderEntriesOf(FileReport.codes(sample.rejects()));
    assertThat(report.skippedBlank()).isEqualTo(sample.blank());
  }

  @Test
  void shouldCountAnOverlongLineAsOneRejectAndLoadTheRest() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));
    // after a line break of its own, whether or not the sample ends with one
    String overlong = "\n" + "9".repeat(BlockReader.MAX_LINE_BYTES + 1) + "\n";
    Files.writeString(sample.path(), overlong, java.nio.file.StandardOpenOption.APPEND);

    FileReport report = ingest(sample.path()).files().get(0);

    assertThat(report.kept()).isEqualTo(sample.kept());
    assertThat(report.rowsIn()).isEqualTo(sample.rowsIn() + 1);
    assertThat(report.rejects()).containsEntry("overlong_line", 1L);
  }

  @Test
  void shouldAddNothingWhenTheSameFileIsLoadedAgain() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.GREEN_2014, dir.resolve("green.csv"));
    FileReport first = ingest(sample.path()).files().get(0);
    List<Long> idsAfterFirst = tableIds();

    FileReport second = ingest(sample.path()).files().get(0);

    assertThat(second.alreadyLoaded()).isTrue();
    assertThat(second.kept()).isEqualTo(first.kept());
    assertThat(tableIds()).isEqualTo(idsAfterFirst);
  }

  @Test
  void shouldReloadAForcedFileToTheSameEndState() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.UBER_2014, dir.resolve("uber.csv"));
    ingest(sample.path());
    List<Long> idsAfterFirst = tableIds();

    FileReport forced = ingest(options.withForce(true), sample.path()).files().get(0);

    assertThat(forced.alreadyLoaded()).isFalse();
    assertThat(tableIds()).isEqualTo(idsAfterFirst);
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isEqualTo(1);
  }

  @Test
  void shouldLoadAGzipFileWhateverItsName() throws Exception {
    SampleFile sample = SampleFile.writeGzip(TripFormat.YELLOW_2015, dir.resolve("yellow.csv"));

    FileReport report = ingest(sample.path()).files().get(0);

    assertThat(report.kept()).isEqualTo(sample.kept());
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(sample.kept());
  }

  @Test
  void shouldLoadEveryFileOfADirectory() throws Exception {
    Path input = Files.createDirectories(dir.resolve("month"));
    SampleFile yellow = SampleFile.write(TripFormat.YELLOW_2014, input.resolve("yellow.csv"));
    SampleFile green = SampleFile.write(TripFormat.GREEN_2014, input.resolve("green.csv"));

    IngestReport report = ingest(input);

    assertThat(report.files())
        .extracting(FileReport::format)
        .containsExactly(TripFormat.GREEN_2014, TripFormat.YELLOW_2014);
    assertThat(report.kept()).isEqualTo(yellow.kept() + green.kept());
  }

  @Test
  void shouldWriteRejectedLinesWithReasonAndLineNumber() throws Exception {
    SampleFile sample = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv"));

    ingest(sample.path());

    List<String> rejects = Files.readAllLines(dir.resolve("rejects/yellow.csv.rejects.csv"));
    assertThat(rejects).hasSize(3);
    assertThat(rejects.get(1)).startsWith("6,zero_coordinates,");
    assertThat(rejects.get(2)).startsWith("7,truncated_row,");
  }

  @Test
  void shouldRebuildTheSecondaryIndexesAfterLoadingAnEmptyTable() throws Exception {
    postgres.execute("CREATE INDEX trips_by_pickup_test ON trips (pickup_ts)");
    try {
      ingest(SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv")).path());

      assertThat(
              postgres.queryLong(
                  "SELECT count(*) FROM pg_indexes WHERE indexname = 'trips_by_pickup_test'"))
          .isEqualTo(1);
    } finally {
      postgres.execute("DROP INDEX IF EXISTS trips_by_pickup_test");
    }
  }

  @Test
  void shouldRefuseAnUnknownHeaderBeforeLoadingAnything() throws Exception {
    Path good = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv")).path();
    Path weather = TripFiles.write(dir.resolve("weather.csv"), List.of("date,temperature"));

    assertThatThrownBy(() -> ingest(good, weather))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(weather + ": unknown header 'date,temperature'");
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
  }

  @Test
  void shouldRefuseAMissingFileInOneLine() {
    Path missing = dir.resolve("yellow_tripdata_2014-13.csv");

    assertThatThrownBy(() -> ingest(missing)).hasMessage(missing + ": no such file");
  }

  @Test
  void shouldRefuseBinaryGarbage() {
    Path garbage =
        TripFiles.writeBytes(dir.resolve("garbage.csv"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0});

    assertThatThrownBy(() -> ingest(garbage))
        .hasMessage(garbage + ": not a CSV text file (binary content)");
  }
}
