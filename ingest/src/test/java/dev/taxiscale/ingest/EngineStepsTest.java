package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStepsTest {
  @TempDir Path dir;

  @Test
  void shouldRefuseAParquetFileCutOffBeforeItsFooterInOneLine() throws Exception {
    Path file = dir.resolve("yellow_tripdata_2010-04.parquet");
    Files.write(file, "PAR1 the first bytes of a Parquet file".getBytes());

    assertThatThrownBy(() -> EngineSteps.parquetLayout(InputFile.of(file.toString(), file)))
        .isInstanceOf(IngestException.class)
        .hasMessage(file + ": truncated Parquet file (no footer; download it again)");
  }

  @Test
  void shouldTellACsvFileIsNotParquet() throws Exception {
    Path file = dir.resolve("uber-raw-data-apr14.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.UBER_2014, 10), file);

    assertThat(EngineSteps.parquetLayout(InputFile.of(file.toString(), file))).isNull();
  }
}
