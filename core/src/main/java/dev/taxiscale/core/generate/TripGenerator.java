package dev.taxiscale.core.generate;

import dev.taxiscale.core.clean.Reason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic trip files in the original formats: NYC hot spots, daily and weekly demand,
 * plausible durations and fares, and a chosen share of rows that each break one cleaning rule. The
 * same {@link GeneratorConfig} always produces the same bytes.
 *
 * <pre>{@code
 * GenerationReport report =
 *     TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 10_000), path);
 * }</pre>
 */
public final class TripGenerator {
  private static final int GZIP_BUFFER = 1 << 16;

  private TripGenerator() {}

  /** Writes the file at {@code path}, replacing it; gzipped when the config says so. */
  public static GenerationReport write(GeneratorConfig config, Path path) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
      return write(config, out);
    }
  }

  /** Writes the file to {@code out}, which stays open; gzipped when the config says so. */
  public static GenerationReport write(GeneratorConfig config, OutputStream out)
      throws IOException {
    if (!config.gzip()) {
      return writePlain(config, out);
    }
    FastGzip gzip = new FastGzip(out);
    try {
      GenerationReport report = writePlain(config, gzip);
      gzip.finish();
      return report;
    } finally {
      gzip.release();
    }
  }

  /** The whole file as a string, for tests that want a few rows in memory. */
  public static String text(GeneratorConfig config) {
    if (config.gzip()) {
      throw new IllegalArgumentException("text() needs an uncompressed config");
    }
    var bytes = new java.io.ByteArrayOutputStream();
    try {
      writePlain(config, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory stream failed", e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static GenerationReport writePlain(GeneratorConfig config, OutputStream out)
      throws IOException {
    Rng rng = new Rng(config.seed());
    Demand demand = new Demand(config.startDate(), config.days());
    TripSampler sampler = new TripSampler(config.format(), rng);
    RowWriter writer = RowWriter.of(config.format(), config.startDate());
    List<Reason> faults = Faults.applicable(config.format());
    Map<Reason, Long> dirtyByReason = new EnumMap<>(Reason.class);
    ByteSink sink = new ByteSink(out);
    writer.preamble(sink);
    Draft draft = new Draft();
    long rows = config.rows();
    long dirtyLeft = config.dirtyRows();
    long dirtyWritten = 0;
    for (long i = 0; i < rows; i++) {
      sink.ensureRowRoom();
      sampler.sample(demand.pickupAt((i + rng.nextDouble()) / rows), draft);
      // Selection sampling: exactly dirtyRows() rows, at random places in the file.
      if (dirtyLeft > 0 && rng.nextDouble() * (rows - i) < dirtyLeft) {
        Reason fault = faults.get((int) (dirtyWritten++ % faults.size()));
        Faults.apply(fault, draft, rng);
        dirtyByReason.merge(fault, 1L, Long::sum);
        dirtyLeft--;
      }
      writer.row(draft, sink);
    }
    sink.flush();
    out.flush();
    return new GenerationReport(config.format(), rows, dirtyByReason);
  }

  /** Gzip at the fastest level: generated files are scratch data, and speed matters more. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, GZIP_BUFFER);
      def.setLevel(Deflater.BEST_SPEED);
    }

    /** Frees the native deflater without closing the caller's stream, which close() would. */
    void release() {
      def.end();
    }
  }
}
