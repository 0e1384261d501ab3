package dev.taxiscale.deploy.validate;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the Kubernetes API does not define. The fabric8 model keeps such fields in each
 * object's {@code additionalProperties} instead of failing, so this walks the typed tree and
 * reports every non-empty one with its path.
 */
final class UnknownFields {
  private UnknownFields() {}

  static List<String> find(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found);
    return found;
  }

  private static void walk(Object node, String path, List<String> found) {
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", found);
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found));
      return;
    }
    if (!(node instanceof KubernetesResource)) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (!isPropertyGetter(getter)) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(node);
      } catch (InvocationTargetException e) {
        found.add("invalid value at " + join(path, property(getter)) + ": " + e.getCause());
        continue;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + getter, e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> found.add("unknown field " + join(path, k)));
        }
      } else {
        walk(value, join(path, property(getter)), found);
      }
    }
  }

  private static boolean isPropertyGetter(Method m) {
    return m.getParameterCount() == 0
        && !Modifier.isStatic(m.getModifiers())
        && m.getName().startsWith("get")
        && m.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model");
  }

  private static String property(Method getter) {
    String name = getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String join(String path, Object key) {
    return path.isEmpty() ? String.valueOf(key) : path + "." + key;
  }
}
