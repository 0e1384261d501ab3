package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service backends an Ingress routes to: its default backend and every path's. */
final class IngressBackends {
  private IngressBackends() {}

  static List<Map<String, Object>> of(Map<String, Object> ingress) {
    List<Map<String, Object>> backends = new ArrayList<>();
    Map<String, Object> fallback = Tree.map(ingress, "spec.defaultBackend.service");
    if (!fallback.isEmpty()) {
      backends.add(fallback);
    }
    for (Map<String, Object> rule : Tree.maps(ingress, "spec.rules")) {
      for (Map<String, Object> path : Tree.maps(rule, "http.paths")) {
        backends.add(Tree.map(path, "backend.service"));
      }
    }
    return backends;
  }
}
