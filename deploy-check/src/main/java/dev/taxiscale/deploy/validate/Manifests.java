package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.KustomizeRenderer;
import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects one overlay renders to, with lookups the checks share.
 *
 * @param name the overlay's folder name, such as {@code minikube}
 */
public record Manifests(String name, List<Map<String, Object>> objects) {
  /** Renders an overlay folder. */
  public static Manifests render(Path overlay) {
    return new Manifests(overlay.getFileName().toString(), KustomizeRenderer.render(overlay));
  }

  public List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  public Optional<Map<String, Object>> find(String kind, String name) {
    return ofKind(kind).stream().filter(o -> name.equals(nameOf(o))).findFirst();
  }

  /** Every pod these objects make: workload templates and Spark driver and executors. */
  public List<PodView> pods() {
    List<PodView> pods = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      String kind = String.valueOf(object.get("kind"));
      String owner = ObjectId.of(object).toString();
      switch (kind) {
        case "Deployment", "StatefulSet", "Job" ->
            pods.add(
                new PodView(
                    owner,
                    kind,
                    Tree.stringMap(object, "spec.template.metadata.labels"),
                    Tree.map(object, "spec.template.spec")));
        case "SparkApplication" -> {
          pods.add(sparkPod(object, owner + " driver", "driver"));
          pods.add(sparkPod(object, owner + " executor", "executor"));
        }
        default -> {}
      }
    }
    return pods;
  }

  /** A Spark pod seen as a pod spec with one container, as the operator builds it. */
  private static PodView sparkPod(Map<String, Object> app, String owner, String role) {
    Map<String, Object> spec = Tree.map(app, "spec." + role);
    Map<String, Object> container = new java.util.LinkedHashMap<>();
    container.put("name", "spark-kubernetes-" + role);
    container.put("image", Tree.string(app, "spec.image").orElse(""));
    container.put("env", spec.getOrDefault("env", List.of()));
    container.put("envFrom", spec.getOrDefault("envFrom", List.of()));
    return new PodView(
        owner,
        "SparkApplication",
        Tree.stringMap(spec, "labels"),
        Map.of("containers", List.of(container)));
  }

  public static String nameOf(Map<String, Object> object) {
    return Tree.string(object, "metadata.name").orElse("");
  }
}
