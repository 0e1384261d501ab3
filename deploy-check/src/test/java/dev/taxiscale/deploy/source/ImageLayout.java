package dev.taxiscale.deploy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one image of {@code deploy/docker/Dockerfile} holds, without a container engine: its {@code
 * COPY --from=build} lines carried out from this checkout's build output into a folder that stands
 * for {@value #HOME}, and its entry point with that folder in place of {@value #HOME} and this
 * JVM's {@code java} in place of the image's.
 *
 * @param home the folder standing for {@value #HOME}
 * @param command the entry point to run
 * @param environment what its {@code ENV} lines and those of the stages it is built from set
 */
record ImageLayout(Path home, List<String> command, Map<String, String> environment) {
  /** Where the images keep the application (their {@code WORKDIR}). */
  static final String HOME = "/opt/taxiscale";

  private static final Pattern ENV =
      Pattern.compile("^ENV\\s+([A-Z_][A-Z0-9_]*)=(\\S+)\\s*$", Pattern.MULTILINE);
  private static final Pattern COPY =
      Pattern.compile("^COPY\\s+--from=build\\s+/src/(\\S+)\\s+(\\S+)\\s*$", Pattern.MULTILINE);

  /** Lays out the image titled {@code title} under {@code home}. */
  static ImageLayout of(Path root, String title, Path home) {
    Path dockerfile = Project.dockerDir(root).resolve("Dockerfile");
    String stage = DockerfileImages.stage(dockerfile, title);
    Matcher copy = COPY.matcher(stage);
    while (copy.find()) {
      Path from = root.resolve(copy.group(1));
      if (!Files.exists(from)) {
        throw new IllegalStateException(
            title + " copies " + copy.group(1) + ", which is not built: run ./mvnw package first");
      }
      copyInto(from, home.resolve(copy.group(2)), copy.group(2).endsWith("/"));
    }
    Map<String, String> stages = DockerfileImages.stagesByName(Sources.read(dockerfile));
    List<String> entrypoint = DockerfileImages.entrypoint(stage, stages);
    List<String> command = new ArrayList<>();
    for (String arg : entrypoint) {
      command.add(arg.equals("java") ? java() : arg.replace(HOME, home.toString()));
    }
    return new ImageLayout(home, command, environment(stage, stages));
  }

  /** The variables of a stage's {@code ENV NAME=value} lines, over those of its parents. */
  private static Map<String, String> environment(String stage, Map<String, String> stages) {
    Map<String, String> env =
        DockerfileImages.parent(stage, stages)
            .map(parent -> environment(parent, stages))
            .orElseGet(HashMap::new);
    Matcher line = ENV.matcher(stage);
    while (line.find()) {
      env.put(line.group(1), line.group(2));
    }
    return env;
  }

  /** The jar files in {@code lib}, by file name. */
  List<String> libraries() {
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      return jars.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@code COPY}: a folder's content into the target folder, a file into a folder or name. */
  private static void copyInto(Path from, Path to, boolean intoFolder) {
    try {
      if (Files.isDirectory(from)) {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
          for (Path file : files.toList()) {
            copyInto(file, to.resolve(file.getFileName().toString()), false);
          }
        }
      } else {
        Path target = intoFolder ? to.resolve(from.getFileName().toString()) : to;
        Files.createDirectories(target.getParent());
        Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
