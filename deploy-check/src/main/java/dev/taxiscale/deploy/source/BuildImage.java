package dev.taxiscale.deploy.source;

import java.util.List;
import java.util.Locale;

/**
 * A container image the build makes.
 *
 * @param name the repository name without registry or tag, such as {@code taxiscale-worker}
 * @param tag the tag, or {@code null} where the builder chooses it at build time (Dockerfiles)
 * @param mainClass the class its JVM starts: the command line ({@value #COMMAND_LINE}) or a
 *     module's own entry point such as {@code dev.taxiscale.gateway.GatewayMain}
 * @param args the default arguments of the {@code taxiscale} command line, empty where none
 * @param source where it is defined, for messages
 */
public record BuildImage(
    String name, String tag, String mainClass, List<String> args, String source) {
  /** The {@code taxiscale} command line's main class, which the launcher script runs. */
  public static final String COMMAND_LINE = "dev.taxiscale.app.Main";

  public BuildImage {
    args = List.copyOf(args);
  }

  /** Whether it runs the {@code taxiscale} command line rather than one module's entry point. */
  public boolean runsCommandLine() {
    return COMMAND_LINE.equals(mainClass);
  }

  /**
   * The subcommand it runs, or for a module's own entry point the subcommand that runs the same:
   * {@code GatewayMain} runs what {@code taxiscale gateway} runs. Empty where it names none.
   */
  public String role() {
    if (runsCommandLine()) {
      return args.isEmpty() ? "" : args.get(0);
    }
    String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    return simple.endsWith("Main")
        ? simple.substring(0, simple.length() - "Main".length()).toLowerCase(Locale.ROOT)
        : "";
  }

  /** Where the main class's source would be, relative to the repository root's modules. */
  public String mainSource() {
    return "src/main/java/" + mainClass.replace('.', '/') + ".java";
  }
}
