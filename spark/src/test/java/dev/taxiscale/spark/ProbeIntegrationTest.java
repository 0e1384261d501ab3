package dev.taxiscale.spark;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.testkit.MigratedPostgres;
import java.nio.file.Path;
import org.apache.spark.api.java.*;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProbeIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();
  @TempDir Path dir;

  @Test
  void probe() throws Exception {
    SparkSession spark = SparkSessions.start(new SparkSettings("local[*]", "t", 4));
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Path f = dir.resolve("y.csv.gz");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 1_000_000).withGzip(true), f);
    TripLineProcessor p = TripLineProcessor.forHeader(TripLineProcessor.class.getName().isEmpty() ? "" : dev.taxiscale.testkit.TripLines.YELLOW_2014_HEADER);
    FilePipeline pipeline = new FilePipeline(spark, JdbcTarget.of(postgres.config()));
    for (int i = 0; i < 4; i++) {
      for (int parts : new int[] {1, 2}) {
        postgres.truncateAll();
        long t0 = System.nanoTime();
        pipeline.copy(FilePipeline.process(FileLines.read(sc, f.toUri().toString(), 2), p, 1, parts), 0);
        System.err.printf("min partitions %d: %d ms (load %s)%n", parts, (System.nanoTime() - t0) / 1000000,
            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
    }
    spark.stop();
  }
}
