package dev.taxiscale.deploy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the code and the build declare, which the deployment must agree with.
 *
 * @param root the repository root
 * @param environmentNames the {@code TAXISCALE_*} variables the applications read
 * @param subcommands the {@code taxiscale} command line's subcommands
 * @param topics the constants of {@code dev.taxiscale.pipeline.Topics}: topic and group names
 * @param pom the root POM's version and properties
 * @param images the images the Jib profiles and the Dockerfiles make
 * @param dockerEnvironment variables the Dockerfiles set, by name
 */
public record Project(
    Path root,
    Set<String> environmentNames,
    Set<String> subcommands,
    Map<String, String> topics,
    RootPom pom,
    List<BuildImage> images,
    Map<String, String> dockerEnvironment) {
  static final String TOPICS = "pipeline/src/main/java/dev/taxiscale/pipeline/Topics.java";

  /** Reads everything from a repository checkout. */
  public static Project read(Path root) {
    RootPom pom = RootPom.read(root);
    Path docker = dockerDir(root);
    List<BuildImage> images = new ArrayList<>(JibImages.readModules(root, pom.interpolation()));
    images.addAll(DockerfileImages.read(docker));
    return new Project(
        root,
        EnvironmentNames.read(root),
        Subcommands.read(root),
        JavaConstants.read(root.resolve(TOPICS)),
        pom,
        images,
        DockerfileImages.environment(docker));
  }

  /**
   * The repository root: the {@code taxiscale.root} property, else the nearest folder with mvnw.
   */
  public static Path locateRoot() {
    String configured = System.getProperty("taxiscale.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root; set -Dtaxiscale.root");
  }

  public static Path dockerDir(Path root) {
    return root.resolve("deploy/docker");
  }

  /** The overlay folders under {@code deploy/k8s/overlays}, by name. */
  public List<Path> overlays() {
    try (Stream<Path> dirs = Files.list(root.resolve("deploy/k8s/overlays"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The images whose repository name is {@code name}. */
  public List<BuildImage> imagesNamed(String name) {
    return images.stream().filter(i -> i.name().equals(name)).toList();
  }
}
