package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cross-references between objects: services, disruption budgets and workloads select pods that
 * exist, named ports and probe ports are declared, and autoscalers and ingresses name real targets.
 */
public final class Wiring {
  private Wiring() {}

  public static List<String> problems(Manifests m) {
    List<String> problems = new ArrayList<>();
    services(m, problems);
    selectors(m, "PodDisruptionBudget", "spec.selector.matchLabels", problems);
    workloadSelectors(m, problems);
    probes(m, problems);
    ingresses(m, problems);
    scaleTargets(m, problems);
    return problems;
  }

  private static void services(Manifests m, List<String> problems) {
    for (Map<String, Object> service : m.ofKind("Service")) {
      Map<String, String> selector = Tree.stringMap(service, "spec.selector");
      List<PodView> pods = m.pods().stream().filter(p -> p.matches(selector)).toList();
      if (pods.isEmpty()) {
        problems.add(ObjectId.of(service) + ": selector " + selector + " matches no pod");
        continue;
      }
      for (Map<String, Object> port : Tree.maps(service, "spec.ports")) {
        Object target = port.getOrDefault("targetPort", port.get("port"));
        for (PodView pod : pods) {
          boolean declared =
              target instanceof Number n
                  ? pod.portNumbers().contains(n.intValue())
                  : pod.portNames().contains(String.valueOf(target));
          if (!declared) {
            problems.add(
                ObjectId.of(service)
                    + ": targetPort "
                    + target
                    + " is not a port of "
                    + pod.owner());
          }
        }
      }
    }
  }

  private static void selectors(Manifests m, String kind, String path, List<String> problems) {
    for (Map<String, Object> object : m.ofKind(kind)) {
      Map<String, String> selector = Tree.stringMap(object, path);
      if (m.pods().stream().noneMatch(p -> p.matches(selector))) {
        problems.add(ObjectId.of(object) + ": selector " + selector + " matches no pod");
      }
    }
  }

  private static void workloadSelectors(Manifests m, List<String> problems) {
    for (String kind : List.of("Deployment", "StatefulSet")) {
      for (Map<String, Object> workload : m.ofKind(kind)) {
        Map<String, String> selector = Tree.stringMap(workload, "spec.selector.matchLabels");
        PodView pod =
            new PodView(
                "", kind, Tree.stringMap(workload, "spec.template.metadata.labels"), Map.of());
        if (!pod.matches(selector)) {
          problems.add(ObjectId.of(workload) + ": selector does not match its own pod labels");
        }
      }
    }
  }

  private static void probes(Manifests m, List<String> problems) {
    for (PodView pod : m.pods()) {
      for (Map<String, Object> container : pod.containers()) {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          for (String action : List.of("httpGet", "tcpSocket")) {
            Object port = Tree.at(container, probe + "." + action + ".port");
            if (port instanceof String name && !pod.portNames().contains(name)) {
              problems.add(pod.owner() + ": " + probe + " uses undeclared port " + name);
            }
          }
        }
      }
    }
  }

  private static void ingresses(Manifests m, List<String> problems) {
    for (Map<String, Object> ingress : m.ofKind("Ingress")) {
      for (Map<String, Object> backend : IngressBackends.of(ingress)) {
        String name = Tree.string(backend, "name").orElse("");
        String port = Tree.string(backend, "port.name").orElse(null);
        var service = m.find("Service", name);
        if (service.isEmpty()) {
          problems.add(ObjectId.of(ingress) + ": backend service " + name + " does not exist");
        } else if (port != null
            && Tree.maps(service.get(), "spec.ports").stream()
                .noneMatch(p -> port.equals(p.get("name")))) {
          problems.add(ObjectId.of(ingress) + ": service " + name + " has no port named " + port);
        }
      }
    }
  }

  private static void scaleTargets(Manifests m, List<String> problems) {
    List<String> scaled = new ArrayList<>();
    for (Map<String, Object> hpa : m.ofKind("HorizontalPodAutoscaler")) {
      scaled.add(target(m, hpa, Tree.string(hpa, "spec.scaleTargetRef.name").orElse(""), problems));
    }
    for (Map<String, Object> so : m.ofKind("ScaledObject")) {
      scaled.add(target(m, so, Tree.string(so, "spec.scaleTargetRef.name").orElse(""), problems));
    }
    scaled.stream()
        .distinct()
        .filter(name -> scaled.stream().filter(name::equals).count() > 1)
        .forEach(name -> problems.add("Deployment " + name + " has more than one autoscaler"));
  }

  private static String target(
      Manifests m, Map<String, Object> scaler, String name, List<String> problems) {
    if (m.find("Deployment", name).isEmpty()) {
      problems.add(ObjectId.of(scaler) + ": scale target Deployment " + name + " does not exist");
    }
    return name;
  }
}
