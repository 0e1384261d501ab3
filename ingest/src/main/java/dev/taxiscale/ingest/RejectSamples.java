package dev.taxiscale.ingest;

import dev.taxiscale.core.clean.Reason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first few rejected lines per reason of one file, written as CSV for people to inspect.
 *
 * <p>Each parser thread keeps its own first {@code perReason}; merging keeps the lowest line
 * numbers, so the result is the file's first lines per reason however blocks were scheduled.
 */
final class RejectSamples {
  static final String HEADER = "line,reason,detail,raw";

  record Sample(long line, Reason reason, String detail, String raw) {}

  private final int perReason;
  private final int[] counts = new int[Reason.values().length];
  private final List<Sample> samples = new ArrayList<>();

  RejectSamples(int perReason) {
    this.perReason = perReason;
  }

  /** Whether a row rejected for {@code reason} would still be sampled. */
  boolean wants(Reason reason) {
    return counts[reason.ordinal()] < perReason;
  }

  void offer(long line, Reason reason, String detail, String raw) {
    if (counts[reason.ordinal()] < perReason) {
      counts[reason.ordinal()]++;
      samples.add(new Sample(line, reason, detail, raw));
    }
  }

  /** The first {@code perReason} samples per reason of all parts, ordered by line. */
  static List<Sample> merge(List<RejectSamples> parts, int perReason) {
    List<Sample> all = new ArrayList<>();
    parts.forEach(part -> all.addAll(part.samples));
    all.sort(Comparator.comparingLong(Sample::line));
    int[] taken = new int[Reason.values().length];
    List<Sample> first = new ArrayList<>();
    for (Sample sample : all) {
      if (taken[sample.reason().ordinal()]++ < perReason) {
        first.add(sample);
      }
    }
    return first;
  }

  /** Writes the samples, replacing an older file; with no samples, removes an older file. */
  static void write(Path file, List<Sample> samples) throws IOException {
    if (samples.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.newLine();
      for (Sample s : samples) {
        out.write(s.line() + "," + s.reason().code() + "," + csv(s.detail()) + "," + csv(s.raw()));
        out.newLine();
      }
    }
  }

  /** Quotes a field when it holds a comma, quote or line break, doubling inner quotes. */
  static String csv(String field) {
    if (field == null) {
      return "";
    }
    boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }
}
