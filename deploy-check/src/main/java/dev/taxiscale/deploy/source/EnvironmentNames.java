package dev.taxiscale.deploy.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code TAXISCALE_*} environment variables the applications read: every such name inside a
 * string literal of the main Java sources (constants, {@code System.getenv} calls, picocli's {@code
 * ${env:...}} defaults), plus those the {@code ./taxiscale} launcher script reads.
 */
public final class EnvironmentNames {
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("TAXISCALE_[A-Z0-9_]*[A-Z0-9]");

  private EnvironmentNames() {}

  public static Set<String> read(Path root) {
    Set<String> names = new TreeSet<>();
    for (Path file : Sources.mainJava(root)) {
      Matcher literal = STRING_LITERAL.matcher(Sources.read(file));
      while (literal.find()) {
        names.addAll(namesIn(literal.group()));
      }
    }
    for (Path file : Sources.mainResources(root)) {
      names.addAll(namesIn(Sources.read(file)));
    }
    Path launcher = root.resolve("taxiscale");
    if (Files.isRegularFile(launcher)) {
      names.addAll(namesIn(Sources.read(launcher)));
    }
    return names;
  }

  /** The names in a piece of text, such as a script or a string literal. */
  static Set<String> namesIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(text);
    while (name.find()) {
      names.add(name.group());
    }
    return names;
  }
}
