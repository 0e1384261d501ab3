package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStepsTest {
  @TempDir Path dir;

  @Test
  void shouldPointACsvOnlyEngineAtTheLocalEngineForParquet() throws Exception {
    Path file = dir.resolve("yellow_tripdata_2010-04.parquet");
    Files.write(file, "PAR1 rest of a Parquet file PAR1".getBytes());

    assertThatThrownBy(() -> EngineSteps.detectFormat(InputFile.of(file.toString(), file)))
        .isInstanceOf(IngestException.class)
        .hasMessage(file + ": this engine reads CSV only; load Parquet with --engine local");
  }
}
