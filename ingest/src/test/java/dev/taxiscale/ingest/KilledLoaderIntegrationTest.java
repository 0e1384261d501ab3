package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.IngestFiles;
import dev.taxiscale.store.IngestedFile;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loader SIGKILLed midway, in a JVM of its own: a forced reload keeps every old row, and a first
 * load is recovered and loaded again exactly once.
 */
class KilledLoaderIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /**
   * Large enough that the loader still has seconds of work left when it is killed a tenth of the
   * way in; no larger, since every test loads the file once or twice and digests it, so its size
   * sets the class's time.
   */
  private static final int ROWS = 200_000;

  private static final long KILL_AFTER_ROWS = ROWS / 10;

  private static final String TABLE_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(t::text, ',' ORDER BY id)) FROM trips t";
  private static final String HOURS_DIGEST =
      "SELECT count(*) || ':' || md5(string_agg(h::text, ','"
          + " ORDER BY file_id, hour, square_x, square_y, source)) FROM trip_hours h";

  @TempDir static Path dir;
  private static Path file;

  private final List<Process> children = new ArrayList<>();

  @BeforeAll
  static void generateOnce() throws Exception {
    file = dir.resolve("yellow_tripdata_2014-04.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, ROWS), file);
  }

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.truncateAll();
  }

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static IngestReport ingestHere(boolean force) throws IngestException {
    IngestOptions options =
        IngestOptions.defaults().withForce(force).withCacheDir(dir.resolve("cache"));
    return new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
        .ingest(List.of(file.toString()));
  }

  /** Starts a loader JVM and returns once it has read a tenth of the file, loading still. */
  private Process loaderMidway(boolean force) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LoaderProcess.class.getName(),
                postgres.jdbcUrl(),
                postgres.config().user(),
                postgres.config().password(),
                file.toString()));
    if (force) {
      command.add("--force");
    }
    Process child =
        new ProcessBuilder(command)
            .redirectError(dir.resolve("loader-" + children.size() + ".err").toFile())
            .start();
    children.add(child);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(LoaderProcess.ROWS)
          && Long.parseLong(line.substring(LoaderProcess.ROWS.length())) >= KILL_AFTER_ROWS) {
        return child;
      }
      assertThat(line).as("the loader finished before it could be killed").isNotEqualTo("done");
    }
    throw new AssertionError("the loader exited before loading " + KILL_AFTER_ROWS + " rows");
  }

  private static void kill(Process child) throws InterruptedException {
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the JVM
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // the loader's session, and the load lock it holds, end only once PostgreSQL notices the
    // dropped connection, a moment after the process is gone
    Await.until(
        Duration.ofSeconds(30),
        "PostgreSQL has ended the killed loader's session",
        () -> heldLoadLocks() == 0);
  }

  private static long heldLoadLocks() {
    try {
      return postgres.queryLong(HELD_LOAD_LOCKS);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String HELD_LOAD_LOCKS =
      "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted";

  private static List<IngestedFile.State> states() throws java.sql.SQLException {
    return new IngestFiles(postgres.dataSource()).list().stream().map(IngestedFile::state).toList();
  }

  @Test
  void shouldKeepEveryOldRowWhenAForcedReloadIsKilledMidway() throws Exception {
    ingestHere(false);
    String loaded = postgres.queryString(TABLE_DIGEST);
    String sums = postgres.queryString(HOURS_DIGEST);

    kill(loaderMidway(true));

    assertThat(postgres.queryString(TABLE_DIGEST)).isEqualTo(loaded);
    assertThat(postgres.queryString(HOURS_DIGEST)).isEqualTo(sums);
    assertThat(states()).containsExactly(IngestedFile.State.DONE);
  }

  @Test
  void shouldReloadToTheSameRowsAfterAForcedReloadWasKilled() throws Exception {
    ingestHere(false);
    String loaded = postgres.queryString(TABLE_DIGEST);
    kill(loaderMidway(true));

    IngestReport again = ingestHere(true);

    assertThat(again.files().get(0).alreadyLoaded()).isFalse();
    assertThat(postgres.queryString(TABLE_DIGEST)).isEqualTo(loaded);
    assertThat(postgres.queryLong("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'trips_r%'"))
        .isZero();
  }

  @Test
  void shouldShowAFirstLoadWhoseLoaderWasKilledAsInterrupted() throws Exception {
    kill(loaderMidway(false));

    assertThat(states()).containsExactly(IngestedFile.State.INTERRUPTED);
  }

  @Test
  void shouldLoadAFileWhoseLoaderWasKilledExactlyOnceOnTheNextIngest() throws Exception {
    kill(loaderMidway(false));

    IngestReport next = ingestHere(false);

    long expected = next.files().get(0).kept();
    assertThat(expected).isGreaterThan(ROWS * 9L / 10);
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isEqualTo(expected);
    assertThat(postgres.queryLong("SELECT count(DISTINCT id) FROM trips")).isEqualTo(expected);
    assertThat(postgres.queryLong("SELECT sum(trips) FROM trip_hours")).isEqualTo(expected);
    assertThat(states()).containsExactly(IngestedFile.State.DONE);
  }

  @Test
  void shouldRemoveTheRowsOfAKilledLoadWhenAnotherFileIsIngested() throws Exception {
    kill(loaderMidway(false));
    Path other = dir.resolve("green_tripdata_2014-04.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.GREEN_2014, 1_000), other);

    new LocalEngine(postgres.dataSource(), IngestOptions.defaults(), ProgressSink.NONE)
        .ingest(List.of(other.toString()));

    assertThat(postgres.queryString("SELECT status FROM ingest_files WHERE file_id = 1"))
        .isEqualTo("interrupted");
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE file_id = 1")).isZero();
  }

  @Test
  void shouldRefuseToLoadAFileALiveLoaderIsLoading() throws Exception {
    Process live = loaderMidway(false);
    stop(live);

    assertThatThrownBy(() -> ingestHere(false))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("is being loaded by another process (file 1)");
    assertThat(states()).containsExactly(IngestedFile.State.LOADING);
  }

  /** SIGSTOP: the loader's sessions stay open, holding its lock, while it makes no progress. */
  private static void stop(Process child) throws IOException, InterruptedException {
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).start();
    assertThat(stop.waitFor()).isZero();
  }
}
