package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.testing.MigratedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SparkIngestMainIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  @Test
  void shouldLoadTheFilesNamedOnTheCommandLineAndPrintOneLinePerFile() throws Exception {
    Path uber = dir.resolve("uber-raw-data-may14.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.UBER_2014, 500), uber);
    SparkIngestMain main = new SparkIngestMain();
    new CommandLine(main).parseArgs("--jdbc-url", postgres.jdbcUrl(), uber.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        main.run(
            spark,
            // the password comes only from the environment, which a test cannot set in-process
            main.dbConfig().withCredentials(postgres.config().user(), postgres.config().password()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith(uber + ": 500 rows, ")
        .contains("total: 500 rows");
    assertThat(postgres.queryLong("SELECT count(*) FROM trips"))
        .isEqualTo(postgres.queryLong("SELECT kept FROM ingest_files"));
  }
}
