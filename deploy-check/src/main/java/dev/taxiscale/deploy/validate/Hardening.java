package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every container has resource requests and limits; every long-running container has liveness and
 * readiness probes; every Deployment and StatefulSet has a PodDisruptionBudget and runs as a
 * non-root user; operator-run pods have resources too.
 */
public final class Hardening {
  private Hardening() {}

  public static List<String> problems(Manifests m) {
    List<String> problems = new ArrayList<>();
    for (PodView pod : m.pods()) {
      if (pod.ownerKind().equals("SparkApplication")) {
        continue; // sized by cores and memory, checked with the custom resource
      }
      for (Map<String, Object> container : pod.containers()) {
        resources(pod.owner() + " container " + container.get("name"), container, problems);
      }
      boolean longRunning = !pod.ownerKind().equals("Job");
      for (Map<String, Object> container : pod.mainContainers()) {
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
          if (longRunning && !container.containsKey(probe)) {
            problems.add(pod.owner() + " container " + container.get("name") + " has no " + probe);
          }
        }
      }
      if (!Boolean.TRUE.equals(Tree.at(pod.spec(), "securityContext.runAsNonRoot"))) {
        problems.add(pod.owner() + ": pod securityContext.runAsNonRoot is not true");
      }
      if (longRunning && budgets(m).stream().noneMatch(pod::matches)) {
        problems.add(pod.owner() + ": no PodDisruptionBudget selects its pods");
      }
    }
    for (Map<String, Object> pool : m.ofKind("KafkaNodePool")) {
      resources(ObjectId.of(pool).toString(), Tree.map(pool, "spec"), problems);
    }
    for (Map<String, Object> cluster : m.ofKind("Cluster")) {
      resources(ObjectId.of(cluster).toString(), Tree.map(cluster, "spec"), problems);
    }
    return problems;
  }

  private static List<Map<String, String>> budgets(Manifests m) {
    return m.ofKind("PodDisruptionBudget").stream()
        .map(pdb -> Tree.stringMap(pdb, "spec.selector.matchLabels"))
        .toList();
  }

  private static void resources(String owner, Map<String, Object> holder, List<String> problems) {
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (Tree.at(holder, "resources." + bound + "." + resource) == null) {
          problems.add(owner + ": resources." + bound + "." + resource + " is not set");
        }
      }
    }
  }
}
