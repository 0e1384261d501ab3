package dev.taxiscale.app;

import dev.taxiscale.bench.BenchMain;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code taxiscale} command line: one entry point for every component. */
@Command(
    name = "taxiscale",
    mixinStandardHelpOptions = true,
    version = "taxiscale 0.1.0",
    description = "Answers NYC taxi-ride requests fast while many users ask at once.",
    subcommands = {
      UpCommand.class,
      IngestCommand.class,
      GenerateCommand.class,
      ZonesCommand.class,
      WorkerCommand.class,
      GatewayCommand.class,
      BenchMain.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.setParameterExceptionHandler(new OneLineErrors());
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
