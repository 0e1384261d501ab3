package dev.taxiscale.deploy.kustomize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization folder to the objects {@code kubectl kustomize} prints, for the subset of
 * kustomize described by {@link Kustomization}: it lets CI check the manifests without kubectl.
 *
 * <p>The order follows kustomize: resources, then components, then this folder's patches,
 * namespace, replica counts and images.
 */
public final class KustomizeRenderer {
  /** Kinds that belong to no namespace; kustomize leaves their namespace unset. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "IngressClass");

  private KustomizeRenderer() {}

  /** The objects of a kustomization folder after every transformation. */
  public static List<Map<String, Object>> render(Path dir) {
    Kustomization k = Kustomization.read(dir);
    if (k.component()) {
      throw new IllegalArgumentException(dir + " is a Component: list it under components");
    }
    return build(k, new ArrayList<>());
  }

  private static List<Map<String, Object>> build(
      Kustomization k, List<Map<String, Object>> objects) {
    for (String resource : k.resources()) {
      Path path = k.dir().resolve(resource).normalize();
      List<Map<String, Object>> added = Files.isDirectory(path) ? render(path) : Yaml.readAll(path);
      added.forEach(object -> add(objects, object, path));
    }
    for (String component : k.components()) {
      Kustomization c = Kustomization.read(k.dir().resolve(component).normalize());
      if (!c.component()) {
        throw new IllegalArgumentException(c.dir() + " is listed as a component but is not one");
      }
      build(c, objects);
    }
    for (String patch : k.patches()) {
      applyPatchFile(objects, k.dir().resolve(patch).normalize());
    }
    if (k.namespace() != null) {
      objects.forEach(object -> setNamespace(object, k.namespace()));
    }
    k.replicas().forEach((name, count) -> setReplicas(objects, name, count));
    k.images().forEach(image -> objects.forEach(object -> overrideImages(object, image)));
    return objects;
  }

  private static void add(
      List<Map<String, Object>> objects, Map<String, Object> object, Path from) {
    ObjectId id = ObjectId.of(object);
    if (objects.stream().anyMatch(existing -> ObjectId.of(existing).equals(id))) {
      throw new IllegalArgumentException(from + " adds " + id + " a second time");
    }
    objects.add(Tree.cast((Map<?, ?>) Tree.copy(object)));
  }

  private static void applyPatchFile(List<Map<String, Object>> objects, Path file) {
    for (Map<String, Object> patch : Yaml.readAll(file)) {
      ObjectId target = ObjectId.of(patch);
      Map<String, Object> object =
          objects.stream()
              .filter(o -> ObjectId.of(o).matchesPatchTarget(target))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          file + " patches " + target + ", which is absent"));
      if ("delete".equals(patch.get(StrategicMerge.DIRECTIVE))) {
        objects.remove(object);
      } else {
        StrategicMerge.merge(object, patch);
      }
    }
  }

  private static void setNamespace(Map<String, Object> object, String namespace) {
    String kind = String.valueOf(object.get("kind"));
    Map<String, Object> metadata = Tree.map(object, "metadata");
    if (kind.equals("Namespace")) {
      metadata.put("name", namespace);
    } else if (!CLUSTER_SCOPED.contains(kind)) {
      metadata.put("namespace", namespace);
    }
  }

  private static void setReplicas(List<Map<String, Object>> objects, String name, int count) {
    objects.stream()
        .filter(o -> Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(o.get("kind")))
        .filter(o -> name.equals(Tree.string(o, "metadata.name").orElse("")))
        .forEach(o -> Tree.map(o, "spec").put("replicas", count));
  }

  /** Like kustomize, rewrites the image of every container list found anywhere in an object. */
  private static void overrideImages(Object node, ImageOverride image) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = Tree.cast(m);
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        if (isContainerList(entry.getKey(), entry.getValue())) {
          for (Object container : (List<?>) entry.getValue()) {
            Map<String, Object> c = Tree.cast((Map<?, ?>) container);
            if (c.get("image") instanceof String current) {
              c.put("image", image.apply(current));
            }
          }
        }
        overrideImages(entry.getValue(), image);
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> overrideImages(item, image));
    }
  }

  private static boolean isContainerList(String key, Object value) {
    return (key.equals("containers") || key.equals("initContainers"))
        && value instanceof List<?> list
        && list.stream().allMatch(item -> item instanceof Map);
  }
}
