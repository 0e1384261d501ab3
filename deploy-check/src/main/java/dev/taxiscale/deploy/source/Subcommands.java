package dev.taxiscale.deploy.source;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the {@code taxiscale} command line's subcommands, from their picocli annotations.
 */
public final class Subcommands {
  private static final Pattern COMMAND =
      Pattern.compile("@Command\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

  private Subcommands() {}

  /** Every command name declared in the app module, the top-level {@code taxiscale} excluded. */
  public static Set<String> read(Path root) {
    Set<String> names = new TreeSet<>();
    for (Path file : Sources.mainJava(root)) {
      if (!file.startsWith(root.resolve("app"))) {
        continue;
      }
      Matcher m = COMMAND.matcher(Sources.read(file));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    names.remove("taxiscale");
    return names;
  }
}
