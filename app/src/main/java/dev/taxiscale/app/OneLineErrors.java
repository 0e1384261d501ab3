package dev.taxiscale.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and a non-zero exit: users see what went wrong, not a
 * stack trace ({@code TAXISCALE_DEBUG=1} prints the trace for developers).
 */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code for bad arguments, as picocli uses for usage errors. */
  static final int USAGE = 2;

  /** Exit code for a failure while running: unreadable file, database down, ... */
  static final int FAILURE = 1;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("taxiscale: " + e.getMessage() + " (see --help)");
    err.flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    err.println("taxiscale: " + message(e));
    if (System.getenv("TAXISCALE_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof IllegalArgumentException ? USAGE : FAILURE;
  }

  /** The first line of what went wrong. */
  static String message(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.lines().findFirst().orElse(text);
  }
}
