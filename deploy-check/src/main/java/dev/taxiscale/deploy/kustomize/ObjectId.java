package dev.taxiscale.deploy.kustomize;

import java.util.Map;

/**
 * What identifies a Kubernetes object in a rendered set: its kind, namespace and name.
 *
 * @param namespace {@code null} for cluster-scoped objects or before a namespace is set
 */
public record ObjectId(String apiVersion, String kind, String namespace, String name) {
  public static ObjectId of(Map<String, Object> object) {
    return new ObjectId(
        Tree.string(object, "apiVersion").orElse(""),
        Tree.string(object, "kind").orElse(""),
        Tree.string(object, "metadata.namespace").orElse(null),
        Tree.string(object, "metadata.name").orElse(""));
  }

  /**
   * Whether a patch naming {@code target} applies here; a patch without a namespace matches any.
   */
  boolean matchesPatchTarget(ObjectId target) {
    return kind.equals(target.kind)
        && name.equals(target.name)
        && (target.namespace == null || target.namespace.equals(namespace));
  }

  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
