package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.store.TripCopyEncoder;
import dev.taxiscale.store.TripCopyWriter;
import dev.taxiscale.store.TripIndexes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * End-to-end load rate of the local engine against a plain COPY of the same, already cleaned rows
 * into the same durable embedded PostgreSQL (fsync on), both with the index drop and rebuild.
 *
 * <pre>
 * ./mvnw -q -pl ingest -am install -DskipTests
 * ./mvnw -q -pl ingest org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=dev.taxiscale.ingest.IngestBenchmark -Dexec.classpathScope=test \
 *   -Dexec.args="--rows 10000000 --parsers 1 --copies 1"
 * </pre>
 *
 * <p>10M rows take about 2 GB of scratch space under {@code java.io.tmpdir} (deleted at the end)
 * and 1-2 minutes per phase on two cores. Prints one line per phase and the ratio.
 */
public final class IngestBenchmark {
  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = longFlag(args, "--rows", 10_000_000);
    int parsers = (int) longFlag(args, "--parsers", IngestOptions.defaults().parallelism());
    int copies = (int) longFlag(args, "--copies", 1);
    Path scratch = Files.createTempDirectory("taxiscale-bench");
    try (EmbeddedDatabase server = EmbeddedDatabase.start(scratch.resolve("pg"), 0);
        Database database = Database.open(server.config().withPoolSize(copies + 4))) {
      Path input = scratch.resolve("yellow_tripdata_bench.csv");
      TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, rows), input);
      System.out.printf(Locale.ROOT, "generated %,d rows, %,d MB%n", rows, Files.size(input) >> 20);

      IngestOptions options = IngestOptions.defaults().withParallelism(parsers, copies);
      LocalEngine engine = new LocalEngine(database.dataSource(), options, ProgressSink.NONE);
      IngestReport report = engine.ingest(List.of(input.toString()));
      double engineSeconds = report.elapsedMillis() / 1000.0;
      double loadSeconds = report.files().get(0).elapsedMillis() / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "local engine: %.1f s loading (%,.0f rows/s in), %.1f s checks, indexes and analyze%n",
          loadSeconds,
          report.rowsIn() / loadSeconds,
          engineSeconds - loadSeconds);
      print("local engine", report.rowsIn(), report.kept(), engineSeconds);

      long encodeStart = System.nanoTime();
      Path encoded = encode(input, scratch.resolve("bench.copy"));
      print(
          "parse+encode", report.rowsIn(), report.kept(), (System.nanoTime() - encodeStart) / 1e9);
      execute(database.dataSource(), "TRUNCATE trips, trip_hours, ingest_files RESTART IDENTITY");
      double copySeconds = plainCopy(database.dataSource(), encoded);
      print("plain COPY", report.kept(), report.kept(), copySeconds);
      System.out.printf(
          Locale.ROOT, "engine / plain COPY = %.0f%%%n", 100 * copySeconds / engineSeconds);
    } finally {
      deleteTree(scratch);
    }
  }

  /** Parses and cleans the file once, untimed, into COPY text with the ids the engine gives. */
  private static Path encode(Path input, Path target) throws Exception {
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        OutputStream out = Files.newOutputStream(target)) {
      TripLineProcessor processor = TripLineProcessor.forHeader(in.readLine());
      TripCopyEncoder encoder = new TripCopyEncoder(1 << 20);
      long lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (!TripLineProcessor.isBlank(line)
            && processor.process(line, 1, lineNumber) instanceof Outcome.Kept kept) {
          encoder.append(kept.trip());
          if (encoder.size() > 1 << 20) {
            out.write(encoder.buffer(), 0, encoder.size());
            encoder.reset();
          }
        }
      }
      out.write(encoder.buffer(), 0, encoder.size());
    }
    return target;
  }

  private static double plainCopy(DataSource dataSource, Path encoded) throws Exception {
    TripIndexes indexes = new TripIndexes(dataSource, 2);
    long start = System.nanoTime();
    indexes.dropIfEmpty();
    try (Connection c = dataSource.getConnection();
        InputStream in = Files.newInputStream(encoded);
        TripCopyWriter writer = TripCopyWriter.open(c)) {
      byte[] chunk = new byte[1 << 20];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        writer.writeEncoded(chunk, 0, n);
      }
      writer.finish();
    }
    long copied = System.nanoTime();
    indexes.restore();
    long end = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "plain COPY: %.1f s copying, %.1f s rebuilding indexes and analyzing%n",
        (copied - start) / 1e9,
        (end - copied) / 1e9);
    return (end - start) / 1e9;
  }

  private static void print(String phase, long rowsIn, long kept, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "%-12s %,d rows in, %,d kept in %.1f s: %,.0f rows/s in, %,.0f kept rows/s%n",
        phase,
        rowsIn,
        kept,
        seconds,
        rowsIn / seconds,
        kept / seconds);
  }

  static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  public static long longFlag(String[] args, String name, long fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Long.parseLong(args[i + 1].replace("_", ""));
      }
    }
    return fallback;
  }

  public static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
