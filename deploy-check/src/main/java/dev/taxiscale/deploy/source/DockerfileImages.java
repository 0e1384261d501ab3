package dev.taxiscale.deploy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The images the Dockerfiles under a folder make: each stage with an {@code
 * org.opencontainers.image.title} label is one image, named by that label, with its {@code CMD}.
 * Also collects the environment variables the Dockerfiles set.
 */
public final class DockerfileImages {
  private static final Pattern TITLE =
      Pattern.compile("org\\.opencontainers\\.image\\.title=\"([^\"]+)\"");
  private static final Pattern CMD = Pattern.compile("^CMD\\s+\\[(.*)]\\s*$");
  private static final Pattern ENV_NAME = Pattern.compile("(?:^ENV|\\s)\\s*([A-Z_][A-Z0-9_]*)=");

  private DockerfileImages() {}

  public static List<BuildImage> read(Path dockerDir) {
    List<BuildImage> images = new ArrayList<>();
    for (Path file : dockerfiles(dockerDir)) {
      for (String stage : stages(Sources.read(file))) {
        Matcher title = TITLE.matcher(stage);
        if (title.find()) {
          images.add(new BuildImage(title.group(1), null, cmd(stage), file.toString()));
        }
      }
    }
    return images;
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

  private static List<String> stages(String dockerfile) {
    return Arrays.asList(dockerfile.split("(?m)^(?=FROM\\s)"));
  }

  private static List<String> cmd(String stage) {
    for (String line : stage.lines().toList()) {
      Matcher m = CMD.matcher(line);
      if (m.matches()) {
        return Arrays.stream(m.group(1).split(","))
            .map(s -> s.trim().replaceAll("^\"|\"$", ""))
            .toList();
      }
    }
    return List.of();
  }
}
