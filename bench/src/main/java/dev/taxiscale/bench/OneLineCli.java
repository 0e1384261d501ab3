package dev.taxiscale.bench;

import picocli.CommandLine;

/** How a suite's command runs: a bad option or a failure is one line and exit code 2. */
public final class OneLineCli {
  private OneLineCli() {}

  /**
   * Runs {@code command} with {@code args}; errors print as {@code prefix: message}, first line
   * only.
   */
  public static int execute(String prefix, Object command, String[] args) {
    CommandLine cli = new CommandLine(command);
    cli.setParameterExceptionHandler(
        (e, a) -> {
          System.err.println(prefix + ": " + e.getMessage());
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          System.err.println(
              prefix + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
          return 2;
        });
    return cli.execute(args);
  }
}
