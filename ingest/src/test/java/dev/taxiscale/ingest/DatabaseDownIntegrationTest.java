package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.testkit.SampleFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseDownIntegrationTest {

  @Test
  void shouldFailInOneLineWhenTheDatabaseIsGone(@TempDir Path dir) throws Exception {
    Path file = SampleFile.write(TripFormat.YELLOW_2014, dir.resolve("yellow.csv")).path();
    EmbeddedDatabase server = EmbeddedDatabase.startEphemeral();
    try (Database database = Database.open(server.config())) {
      LocalEngine engine =
          new LocalEngine(
              database.dataSource(),
              IngestOptions.defaults().withCacheDir(dir.resolve("cache")),
              ProgressSink.NONE);
      server.close();

      assertThatThrownBy(() -> engine.ingest(List.of(file.toString())))
          .isInstanceOf(IngestException.class)
          .hasMessageStartingWith(file + ": database unavailable: ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }
}
