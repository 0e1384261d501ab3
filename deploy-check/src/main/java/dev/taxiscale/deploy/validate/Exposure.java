package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Only the gateway is reachable from outside the namespace: ingress is denied by default, and a
 * policy that admits traffic from elsewhere selects only gateway pods, unless it admits one named
 * operator namespace. Only the gateway's Service is published (Ingress, NodePort, LoadBalancer).
 */
public final class Exposure {
  static final String GATEWAY = "gateway";

  /** Namespaces of the operators the runbook installs, which must reach their own pods. */
  static final Set<String> OPERATOR_NAMESPACES = Set.of("cnpg-system", "keda", "strimzi");

  private Exposure() {}

  public static List<String> problems(Manifests m) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> policies = m.ofKind("NetworkPolicy");
    boolean denyAll =
        policies.stream()
            .anyMatch(
                p ->
                    Tree.map(p, "spec.podSelector").isEmpty()
                        && Tree.strings(p, "spec.policyTypes").contains("Ingress")
                        && Tree.maps(p, "spec.ingress").isEmpty());
    if (!denyAll) {
      problems.add("no NetworkPolicy denies ingress to every pod by default");
    }
    for (Map<String, Object> policy : policies) {
      for (Map<String, Object> rule : Tree.maps(policy, "spec.ingress")) {
        if (admitsOutsiders(rule) && !selectsOnlyGateway(policy)) {
          problems.add(
              ObjectId.of(policy)
                  + ": admits traffic from outside the namespace to non-gateway pods");
        }
      }
    }
    for (Map<String, Object> service : m.ofKind("Service")) {
      String type = Tree.string(service, "spec.type").orElse("ClusterIP");
      if (!type.equals("ClusterIP") && !isGatewayService(m, service)) {
        problems.add(ObjectId.of(service) + ": type " + type + " publishes a non-gateway service");
      }
    }
    for (Map<String, Object> ingress : m.ofKind("Ingress")) {
      for (Map<String, Object> backend : IngressBackends.of(ingress)) {
        String name = Tree.string(backend, "name").orElse("");
        if (m.find("Service", name).filter(s -> isGatewayService(m, s)).isEmpty()) {
          problems.add(ObjectId.of(ingress) + ": routes to " + name + ", which is not the gateway");
        }
      }
    }
    for (Map<String, Object> kafka : m.ofKind("Kafka")) {
      for (Map<String, Object> listener : Tree.maps(kafka, "spec.kafka.listeners")) {
        if (!"internal".equals(listener.get("type"))) {
          problems.add(
              ObjectId.of(kafka) + ": listener " + listener.get("name") + " is not internal");
        }
      }
    }
    return problems;
  }

  /** A rule without peers, or with an IP block or a namespace selector other than an operator's. */
  private static boolean admitsOutsiders(Map<String, Object> rule) {
    List<Map<String, Object>> peers = Tree.maps(rule, "from");
    if (peers.isEmpty()) {
      return true;
    }
    for (Map<String, Object> peer : peers) {
      if (peer.containsKey("ipBlock")) {
        return true;
      }
      if (peer.containsKey("namespaceSelector")) {
        String name =
            Tree.stringMap(peer, "namespaceSelector.matchLabels")
                .get("kubernetes.io/metadata.name");
        if (name == null || !OPERATOR_NAMESPACES.contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean selectsOnlyGateway(Map<String, Object> policy) {
    return GATEWAY.equals(
        Tree.stringMap(policy, "spec.podSelector.matchLabels").get("app.kubernetes.io/component"));
  }

  /** Whether a Service selects pods and all of them are gateway pods. */
  private static boolean isGatewayService(Manifests m, Map<String, Object> service) {
    Map<String, String> selector = Tree.stringMap(service, "spec.selector");
    List<PodView> pods = m.pods().stream().filter(p -> p.matches(selector)).toList();
    return !pods.isEmpty()
        && pods.stream()
            .allMatch(p -> GATEWAY.equals(p.labels().get("app.kubernetes.io/component")));
  }
}
