package dev.taxiscale.deploy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The images the Dockerfiles under a folder make: each stage with an {@code
 * org.opencontainers.image.title} label is one image, named by that label, with the main class its
 * {@code ENTRYPOINT} starts (its own or that of the stage it is built {@code FROM}) and its {@code
 * CMD}. Also collects the environment variables the Dockerfiles set.
 */
public final class DockerfileImages {
  private static final Pattern TITLE =
      Pattern.compile("org\\.opencontainers\\.image\\.title=\"([^\"]+)\"");
  private static final Pattern CMD = Pattern.compile("^CMD\\s+\\[(.*)]\\s*$");
  private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT\\s+\\[(.*)]\\s*$");
  private static final Pattern FROM = Pattern.compile("^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");
  private static final Pattern ENV_NAME = Pattern.compile("(?:^ENV|\\s)\\s*([A-Z_][A-Z0-9_]*)=");

  /** The script the command-line images start, which runs {@link BuildImage#COMMAND_LINE}. */
  static final String LAUNCHER = "/opt/taxiscale/taxiscale";

  private DockerfileImages() {}

  public static List<BuildImage> read(Path dockerDir) {
    List<BuildImage> images = new ArrayList<>();
    for (Path file : dockerfiles(dockerDir)) {
      Map<String, String> stages = stagesByName(Sources.read(file));
      for (String stage : stages.values()) {
        Matcher title = TITLE.matcher(stage);
        if (title.find()) {
          images.add(
              new BuildImage(
                  title.group(1),
                  null,
                  mainClass(entrypoint(stage, stages)),
                  list(stage, CMD),
                  file.toString()));
        }
      }
    }
    return images;
  }

  /**
   * The text of the stage whose image is titled {@code title} in {@code dockerfile}.
   *
   * @throws IllegalArgumentException when no stage has that title
   */
  public static String stage(Path dockerfile, String title) {
    return stagesByName(Sources.read(dockerfile)).values().stream()
        .filter(s -> s.contains("org.opencontainers.image.title=\"" + title + "\""))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(dockerfile + " has no image titled " + title));
  }

  /** The exec-form {@code ENTRYPOINT} of a stage, or else of the stage it is built from. */
  public static List<String> entrypoint(String stage, Map<String, String> stages) {
    List<String> own = list(stage, ENTRYPOINT);
    if (!own.isEmpty()) {
      return own;
    }
    return parent(stage, stages).map(p -> entrypoint(p, stages)).orElse(List.of());
  }

  /** The stage this one is built {@code FROM}, where that is a stage of the same file. */
  public static Optional<String> parent(String stage, Map<String, String> stages) {
    Matcher from = FROM.matcher(stage);
    return from.find() ? Optional.ofNullable(stages.get(from.group(1))) : Optional.empty();
  }

  /** The main class of a {@code java} entry point; the command line's for the launcher. */
  static String mainClass(List<String> entrypoint) {
    if (!entrypoint.isEmpty() && entrypoint.get(0).equals(LAUNCHER)) {
      return BuildImage.COMMAND_LINE;
    }
    for (int i = 1; i < entrypoint.size(); i++) {
      String arg = entrypoint.get(i);
      if (arg.equals("-cp") || arg.equals("-classpath")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  /** Variable name to the Dockerfile that sets it with {@code ENV}. */
  public static Map<String, String> environment(Path dockerDir) {
    Map<String, String> names = new TreeMap<>();
    for (Path file : dockerfiles(dockerDir)) {
      String joined = Sources.read(file).replace("\\\n", " ");
      for (String line : joined.lines().toList()) {
        if (line.startsWith("ENV ")) {
          Matcher m = ENV_NAME.matcher(line);
          while (m.find()) {
            names.put(m.group(1), file.getFileName().toString());
          }
        }
      }
    }
    return names;
  }

  static List<Path> dockerfiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("(.+\\.)?Dockerfile"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stages by their {@code AS} name (or their position where unnamed), in file order. */
  public static Map<String, String> stagesByName(String dockerfile) {
    Map<String, String> stages = new LinkedHashMap<>();
    for (String stage : dockerfile.split("(?m)^(?=FROM\\s)")) {
      Matcher from = FROM.matcher(stage);
      String name = from.find() && from.group(2) != null ? from.group(2) : "#" + stages.size();
      stages.put(name, stage);
    }
    return stages;
  }

  private static List<String> list(String stage, Pattern instruction) {
    for (String line : stage.lines().toList()) {
      Matcher m = instruction.matcher(line);
      if (m.matches()) {
        return Arrays.stream(m.group(1).split(","))
            .map(s -> s.trim().replaceAll("^\"|\"$", ""))
            .toList();
      }
    }
    return List.of();
  }
}
