package dev.taxiscale.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The subcommands the {@code taxiscale} command line offers, read from its {@code --help}, so that
 * the cluster runs {@code taxiscale gateway} and {@code taxiscale worker} where they exist and the
 * components' own main classes, which read the same variables, where they do not yet.
 */
final class CliCommands {
  static final String MAIN = "dev.taxiscale.app.Main";

  private CliCommands() {}

  static Set<String> of(Launcher launcher) {
    ProcessBuilder builder =
        new ProcessBuilder(launcher.command(Role.TOOL.heapMb(), MAIN, List.of("--help")))
            .redirectErrorStream(true);
    try {
      Process process = builder.start();
      String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      return parse(help);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + MAIN + " --help", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /** The first word of each command line after picocli's {@code Commands:} heading. */
  static Set<String> parse(String help) {
    Set<String> commands = new TreeSet<>();
    boolean inCommands = false;
    for (String line : help.lines().toList()) {
      if (line.startsWith("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches(" {2}\\S.*")) {
        commands.add(line.trim().split("\\s+")[0]);
      } else if (inCommands && !line.startsWith(" ")) {
        inCommands = false;
      }
    }
    return commands;
  }
}
