package dev.taxiscale.spark;

import dev.taxiscale.ingest.EngineSteps;
import dev.taxiscale.ingest.IngestException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Turns a failed Spark job into the one-line {@link IngestException} the CLI prints.
 *
 * <p>Executors' exceptions reach the driver wrapped in a {@code SparkException} (a checked
 * exception that Java callers of {@code collect()} do not see declared); the useful part is the
 * database or read failure at the bottom of the chain.
 */
final class SparkFailures {
  private SparkFailures() {}

  /**
   * @param hint what the failure leaves and how to go on, e.g. {@link EngineSteps#rerunHint}
   */
  static <T> T run(String name, String hint, Callable<T> job) throws IngestException {
    try {
      return job.call();
    } catch (Exception e) { // SparkException is checked but undeclared; catch it with the rest
      throw new IngestException(name + ": " + describe(e) + hint, e);
    }
  }

  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return EngineSteps.describe(sql);
      }
      if (t instanceof IOException io) {
        return EngineSteps.describe(io);
      }
    }
    return "Spark job failed: " + EngineSteps.firstLine(rootCause(failure));
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
