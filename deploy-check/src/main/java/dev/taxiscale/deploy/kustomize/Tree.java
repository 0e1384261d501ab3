package dev.taxiscale.deploy.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads from the maps and lists that YAML documents parse into. */
public final class Tree {
  private Tree() {}

  /** The map at a dotted path such as {@code spec.template.spec}, or an empty map. */
  public static Map<String, Object> map(Map<String, Object> root, String path) {
    Object value = at(root, path);
    return value instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  /** The list of maps at a dotted path, or an empty list. */
  public static List<Map<String, Object>> maps(Map<String, Object> root, String path) {
    Object value = at(root, path);
    List<Map<String, Object>> maps = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          maps.add(cast(m));
        }
      }
    }
    return maps;
  }

  /** The list of scalars at a dotted path, as strings, or an empty list. */
  public static List<String> strings(Map<String, Object> root, String path) {
    Object value = at(root, path);
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> strings.add(String.valueOf(item)));
    }
    return strings;
  }

  /** The scalar at a dotted path, as a string. */
  public static Optional<String> string(Map<String, Object> root, String path) {
    Object value = at(root, path);
    return value == null || value instanceof Map || value instanceof List
        ? Optional.empty()
        : Optional.of(String.valueOf(value));
  }

  /** The value at a dotted path, or {@code null}. */
  public static Object at(Map<String, Object> root, String path) {
    Object current = root;
    for (String key : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  /** The string map at a dotted path (labels, selectors, data), or an empty map. */
  public static Map<String, String> stringMap(Map<String, Object> root, String path) {
    Map<String, String> strings = new LinkedHashMap<>();
    map(root, path).forEach((k, v) -> strings.put(k, String.valueOf(v)));
    return strings;
  }

  /** A deep copy, so that transformations never share nested maps between objects. */
  public static Object copy(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(copy(item)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
