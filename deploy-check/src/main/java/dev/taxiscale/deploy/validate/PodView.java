package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pod some object will create, as the checks see it.
 *
 * @param owner the creating object, for messages
 * @param ownerKind {@code Deployment}, {@code StatefulSet}, {@code Job} or {@code SparkApplication}
 * @param labels the pod's labels
 * @param spec the pod spec
 */
public record PodView(
    String owner, String ownerKind, Map<String, String> labels, Map<String, Object> spec) {
  /** Init containers first, then the main containers. */
  public List<Map<String, Object>> containers() {
    List<Map<String, Object>> all = new ArrayList<>(Tree.maps(spec, "initContainers"));
    all.addAll(Tree.maps(spec, "containers"));
    return all;
  }

  public List<Map<String, Object>> mainContainers() {
    return Tree.maps(spec, "containers");
  }

  /** Whether a selector's labels all appear on this pod. */
  public boolean matches(Map<String, String> selector) {
    return !selector.isEmpty()
        && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /** The names of the ports its containers declare. */
  public List<String> portNames() {
    return containers().stream()
        .flatMap(c -> Tree.maps(c, "ports").stream())
        .map(p -> Tree.string(p, "name").orElse(""))
        .filter(n -> !n.isEmpty())
        .toList();
  }

  /** The container ports as numbers. */
  public List<Integer> portNumbers() {
    return containers().stream()
        .flatMap(c -> Tree.maps(c, "ports").stream())
        .map(p -> ((Number) p.get("containerPort")).intValue())
        .toList();
  }
}
