package dev.taxiscale.ingest;

import java.io.PrintStream;

/** Receives progress snapshots while a file loads; called from one thread at a time. */
@FunctionalInterface
public interface ProgressSink {
  /** Ignores progress, e.g. in tests. */
  ProgressSink NONE = progress -> {};

  void report(Progress progress);

  /** One line per report on the given stream (the CLI passes stderr). */
  static ProgressSink printingTo(PrintStream out) {
    return progress -> out.println(progress.describe());
  }
}
