package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ImageRef;
import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.BuildImage;
import dev.taxiscale.deploy.source.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container that runs one of the project's own images, with the command it runs and the
 * environment variable names it sees.
 *
 * @param pod the pod it belongs to
 * @param container the container as written in the manifest
 * @param image the image reference
 * @param role the subcommand it runs ({@code gateway}, {@code worker}, {@code ingest}, ...), or
 *     that its image's own entry point runs the same as ({@link BuildImage#role}), or {@code
 *     spark-driver} and {@code spark-executor} for a SparkApplication's pods
 */
public record TaxiscaleContainer(
    PodView pod, Map<String, Object> container, ImageRef image, String role) {
  static final String IMAGE_PREFIX = "taxiscale-";

  /** Every container of the manifests that runs a taxiscale image. */
  public static List<TaxiscaleContainer> all(Manifests m, Project project) {
    return m.pods().stream()
        .flatMap(
            pod ->
                pod.containers().stream().map(c -> of(pod, c, project)).flatMap(Optional::stream))
        .toList();
  }

  private static Optional<TaxiscaleContainer> of(
      PodView pod, Map<String, Object> container, Project project) {
    ImageRef image = ImageRef.parse(Tree.string(container, "image").orElse(""));
    if (!image.repository().startsWith(IMAGE_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(
        new TaxiscaleContainer(pod, container, image, role(pod, container, image, project)));
  }

  private static String role(
      PodView pod, Map<String, Object> container, ImageRef image, Project project) {
    if (pod.ownerKind().equals("SparkApplication")) {
      return pod.owner().endsWith("driver") ? "spark-driver" : "spark-executor";
    }
    List<BuildImage> built = project.imagesNamed(image.repository());
    List<String> args = Tree.strings(container, "args");
    // a module's own entry point takes no subcommand: its arguments do not change what it runs
    if (!args.isEmpty() && built.stream().allMatch(BuildImage::runsCommandLine)) {
      return args.get(0);
    }
    return built.stream().map(BuildImage::role).filter(r -> !r.isEmpty()).findFirst().orElse("");
  }

  /** The names set directly and through {@code envFrom} config maps of the manifests. */
  public Set<String> environmentNames(Manifests m) {
    Set<String> names = new TreeSet<>();
    Tree.maps(container, "env").forEach(e -> names.add(String.valueOf(e.get("name"))));
    for (Map<String, Object> from : Tree.maps(container, "envFrom")) {
      Tree.string(from, "configMapRef.name")
          .flatMap(name -> m.find("ConfigMap", name))
          .ifPresent(config -> names.addAll(Tree.stringMap(config, "data").keySet()));
    }
    return names;
  }

  public String describe() {
    return pod.owner() + " container " + Tree.string(container, "name").orElse("?");
  }
}
