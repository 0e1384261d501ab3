package dev.taxiscale.deploy.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a {@code kustomization.yaml} that this project uses. Any other field is rejected,
 * so that a manifest never relies on a kustomize feature the offline renderer would ignore.
 *
 * @param dir the folder holding the file; relative paths are resolved against it
 * @param component whether the file is a {@code Component} rather than a {@code Kustomization}
 * @param namespace the namespace set on every namespaced object, or {@code null}
 * @param resources files and folders whose objects are included
 * @param components component folders applied after the resources, in order
 * @param patches strategic-merge patch files, each naming its target by kind and name
 * @param images image overrides
 * @param replicas replica counts by workload name
 */
public record Kustomization(
    Path dir,
    boolean component,
    String namespace,
    List<String> resources,
    List<String> components,
    List<String> patches,
    List<ImageOverride> images,
    Map<String, Integer> replicas) {
  private static final Set<String> SUPPORTED =
      Set.of(
          "apiVersion",
          "kind",
          "namespace",
          "resources",
          "components",
          "patches",
          "images",
          "replicas");

  /** Reads {@code kustomization.yaml} in a folder. */
  public static Kustomization read(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no kustomization.yaml in " + dir);
    }
    Map<String, Object> doc = Yaml.readOne(file);
    for (String key : doc.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new IllegalArgumentException(
            file + ": field '" + key + "' is not supported; use one of " + SUPPORTED);
      }
    }
    return new Kustomization(
        dir,
        "Component".equals(doc.get("kind")),
        Tree.string(doc, "namespace").orElse(null),
        Tree.strings(doc, "resources"),
        Tree.strings(doc, "components"),
        patchPaths(file, doc),
        Tree.maps(doc, "images").stream().map(ImageOverride::of).toList(),
        replicas(doc));
  }

  private static List<String> patchPaths(Path file, Map<String, Object> doc) {
    return Tree.maps(doc, "patches").stream()
        .map(
            patch -> {
              if (patch.size() != 1 || !patch.containsKey("path")) {
                throw new IllegalArgumentException(
                    file
                        + ": each patch must be {path: FILE} naming its target inside, got "
                        + patch);
              }
              return String.valueOf(patch.get("path"));
            })
        .toList();
  }

  private static Map<String, Integer> replicas(Map<String, Object> doc) {
    Map<String, Integer> counts = new java.util.LinkedHashMap<>();
    for (Map<String, Object> entry : Tree.maps(doc, "replicas")) {
      counts.put(String.valueOf(entry.get("name")), ((Number) entry.get("count")).intValue());
    }
    return counts;
  }
}
