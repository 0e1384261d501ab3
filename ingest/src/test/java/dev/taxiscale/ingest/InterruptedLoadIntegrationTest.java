package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.IngestFiles;
import dev.taxiscale.store.TripIndexes;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A load that dies midway must rerun to exactly the state a clean load reaches. */
class InterruptedLoadIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Enough rows that the COPY is still running when the first progress report arrives. */
  private static final GeneratorConfig YELLOW_60K =
      GeneratorConfig.of(TripFormat.YELLOW_2014, 60_000);

  private static final String TABLE_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY id)) FROM trips t";
  private static final String HOURS_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(h::text, ','"
          + " ORDER BY file_id, hour, square_x, square_y, source)) FROM trip_hours h";
  private static final String REGISTRY =
      "SELECT string_agg(concat_ws(':', file_id, status, rows_in, kept, rejected, rejects), ',')"
          + " FROM ingest_files";

  @TempDir static Path dir;
  private static Path file;
  private static String cleanDigest;
  private static String cleanHours;
  private static String cleanRegistry;

  @BeforeAll
  static void loadCleanlyOnce() throws Exception {
    file = dir.resolve("yellow_tripdata_2014-04.csv");
    TripGenerator.write(YELLOW_60K, file);
    postgres.truncateAll();
    engine(ProgressSink.NONE).ingest(List.of(file.toString()));
    cleanDigest = postgres.queryString(TABLE_DIGEST);
    cleanHours = postgres.queryString(HOURS_DIGEST);
    cleanRegistry = postgres.queryString(REGISTRY);
  }

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.truncateAll();
  }

  private static LocalEngine engine(ProgressSink progress) {
    IngestOptions options =
        IngestOptions.defaults()
            .withCacheDir(dir.resolve("cache"))
            .withProgressInterval(Duration.ofMillis(1));
    return new LocalEngine(postgres.dataSource(), options, progress);
  }

  private static void rerun() throws IngestException {
    engine(ProgressSink.NONE).ingest(List.of(file.toString()));
  }

  /** Kills the COPY connection the first time progress is reported while it is running. */
  private static ProgressSink killingTheCopy(AtomicBoolean killed) {
    return progress -> {
      if (!killed.get()) {
        try {
          killed.set(
              postgres.queryLong(
                      "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          + " WHERE query LIKE 'COPY trips%' AND pid <> pg_backend_pid()) k")
                  > 0);
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  @Test
  void shouldReportALostConnectionInOneLineAndLeaveTheFileLoading() throws Exception {
    AtomicBoolean killed = new AtomicBoolean();

    assertThatThrownBy(() -> engine(killingTheCopy(killed)).ingest(List.of(file.toString())))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(file + ": database unavailable: ")
        .hasMessageEndingWith("the file stays 'loading', rerun to finish")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(postgres.queryString("SELECT status FROM ingest_files")).isEqualTo("loading");
  }

  @Test
  void shouldLeaveNothingOfAFileWhoseLoadFailedMidway() throws Exception {
    Path cut = dir.resolve("cut-short.csv.gz");
    byte[] whole = gzip(java.nio.file.Files.readAllBytes(file));
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> engine(ProgressSink.NONE).ingest(List.of(cut.toString())))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(cut + ": ");

    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  private static byte[] gzip(byte[] bytes) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void shouldRerunAKilledCopyToTheStateOfACleanLoad() throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    assertThatThrownBy(() -> engine(killingTheCopy(killed)).ingest(List.of(file.toString())))
        .isInstanceOf(IngestException.class);

    rerun();

    assertThat(postgres.queryString(TABLE_DIGEST)).isEqualTo(cleanDigest);
    assertThat(postgres.queryString(HOURS_DIGEST)).isEqualTo(cleanHours);
    assertThat(postgres.queryString(REGISTRY)).isEqualTo(cleanRegistry);
  }

  @Test
  void shouldRerunAFileLeftLoadingWithPartialRowsToTheStateOfACleanLoad() throws Exception {
    rerun();
    // what a crash after some of the file's rows were committed leaves behind
    postgres.execute("UPDATE ingest_files SET status = 'loading', kept = 0");
    postgres.execute("DELETE FROM trips WHERE id % 3 = 0");

    rerun();

    assertThat(postgres.queryString(TABLE_DIGEST)).isEqualTo(cleanDigest);
    assertThat(postgres.queryString(HOURS_DIGEST)).isEqualTo(cleanHours);
  }

  @Test
  void shouldGetItsIndexesBackWhenALoadKilledAfterDroppingThemIsRerun() throws Exception {
    postgres.execute("CREATE INDEX trips_by_dropoff_test ON trips (dropoff_ts)");
    try {
      // what a process killed mid-load leaves: the indexes dropped and the file still loading
      new TripIndexes(postgres.dataSource(), 1).dropIfEmpty();
      // a claim closed unfinished has released its lock, as a dead process's has
      new IngestFiles(postgres.dataSource())
          .claim(file.toString(), Fingerprint.of(file), "YELLOW_2014", LocalEngine.ENGINE)
          .close();

      rerun();

      assertThat(
              postgres.queryLong(
                  "SELECT count(*) FROM pg_indexes WHERE indexname = 'trips_by_dropoff_test'"))
          .isEqualTo(1);
    } finally {
      postgres.execute("DROP INDEX IF EXISTS trips_by_dropoff_test");
    }
  }
}
