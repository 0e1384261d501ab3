package dev.taxiscale.deploy.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch that the overlays use: maps merge key by key, a
 * {@code null} value removes a key, lists of containers, env vars, volumes, mounts and ports merge
 * by their key field, other lists are replaced, and {@code $patch: delete} removes a list item.
 */
final class StrategicMerge {
  static final String DIRECTIVE = "$patch";

  private StrategicMerge() {}

  /** Applies {@code patch} to {@code target} in place. */
  static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Object existing = target.get(key);
      if (key.equals(DIRECTIVE)) {
        continue;
      }
      if (value == null) {
        target.remove(key);
      } else if (value instanceof Map<?, ?> m && existing instanceof Map<?, ?> e) {
        merge(Tree.cast(e), Tree.cast(m));
      } else if (value instanceof List<?> list && existing instanceof List<?> old) {
        target.put(key, mergeList(key, old, list));
      } else {
        target.put(key, withoutDirectives(Tree.copy(value)));
      }
    }
  }

  private static List<Object> mergeList(String key, List<?> target, List<?> patch) {
    String mergeKey = mergeKey(key, patch);
    if (mergeKey == null) {
      return new ArrayList<>(patch.stream().map(v -> withoutDirectives(Tree.copy(v))).toList());
    }
    List<Object> merged = new ArrayList<>(target);
    // as kubectl does, items the target lacks go first, in the patch's order
    int added = 0;
    for (Object item : patch) {
      Map<String, Object> patchItem = Tree.cast((Map<?, ?>) item);
      Object id = patchItem.get(mergeKey);
      int index = indexOf(merged, mergeKey, id);
      if ("delete".equals(patchItem.get(DIRECTIVE))) {
        if (index >= 0) {
          merged.remove(index);
        }
      } else if (index >= 0) {
        merge(Tree.cast((Map<?, ?>) merged.get(index)), patchItem);
      } else {
        merged.add(added++, withoutDirectives(Tree.copy(patchItem)));
      }
    }
    return merged;
  }

  /** The field that identifies items of a list, as the Kubernetes API declares it. */
  private static String mergeKey(String key, List<?> patch) {
    boolean allMaps = patch.stream().allMatch(item -> item instanceof Map);
    if (!allMaps) {
      return null;
    }
    return switch (key) {
      case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
      case "volumeMounts" -> "mountPath";
      case "ports" ->
          patch.stream().allMatch(p -> ((Map<?, ?>) p).containsKey("containerPort"))
              ? "containerPort"
              : "port";
      default -> null;
    };
  }

  private static int indexOf(List<Object> items, String mergeKey, Object id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Map<?, ?> m
          && String.valueOf(m.get(mergeKey)).equals(String.valueOf(id))) {
        return i;
      }
    }
    return -1;
  }

  private static Object withoutDirectives(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = Tree.cast(m);
      map.remove(DIRECTIVE);
      map.values().forEach(StrategicMerge::withoutDirectives);
    } else if (value instanceof List<?> list) {
      list.forEach(StrategicMerge::withoutDirectives);
    }
    return value;
  }
}
