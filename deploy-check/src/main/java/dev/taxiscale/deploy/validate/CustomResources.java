package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The custom resources the manifests use, by the operator that serves them, with the fields each
 * must have for that operator to act on it. Their full schemas live in the operators' CRDs, which
 * are not available offline; these checks catch the mistakes that would leave a resource ignored.
 */
final class CustomResources {
  private static final Set<String> KNOWN =
      Set.of(
          "kafka.strimzi.io/v1beta2 Kafka",
          "kafka.strimzi.io/v1beta2 KafkaNodePool",
          "kafka.strimzi.io/v1beta2 KafkaTopic",
          "kafka.strimzi.io/v1beta2 KafkaUser",
          "keda.sh/v1alpha1 TriggerAuthentication",
          "postgresql.cnpg.io/v1 Cluster",
          "keda.sh/v1alpha1 ScaledObject",
          "sparkoperator.k8s.io/v1beta2 SparkApplication");

  private CustomResources() {}

  static boolean isKnown(String apiVersion, String kind) {
    return KNOWN.contains(apiVersion + " " + kind);
  }

  static Set<String> known() {
    return KNOWN;
  }

  static List<String> problems(Map<String, Object> object) {
    List<String> problems = new ArrayList<>();
    require(object, "metadata.name", problems);
    switch (String.valueOf(object.get("kind"))) {
      case "Kafka" -> {
        require(object, "spec.kafka.listeners", problems);
        expect(object, "metadata.annotations.strimzi\\.io/kraft", "enabled", problems);
        if (Tree.at(object, "spec.zookeeper") != null) {
          problems.add("spec.zookeeper is set, but the cluster runs in KRaft mode");
        }
      }
      case "KafkaNodePool" -> {
        require(object, "spec.replicas", problems);
        require(object, "spec.storage.type", problems);
        if (Tree.strings(object, "spec.roles").isEmpty()) {
          problems.add("spec.roles must name controller and/or broker");
        }
      }
      case "KafkaTopic" -> {
        require(object, "spec.topicName", problems);
        require(object, "spec.partitions", problems);
      }
      case "KafkaUser" -> {
        require(object, "spec.authentication.type", problems);
        require(object, "spec.authorization.acls", problems);
      }
      case "TriggerAuthentication" -> {
        if (Tree.maps(object, "spec.secretTargetRef").isEmpty()
            && Tree.maps(object, "spec.env").isEmpty()) {
          problems.add("spec has neither secretTargetRef nor env");
        }
      }
      case "Cluster" -> {
        require(object, "spec.instances", problems);
        require(object, "spec.storage.size", problems);
      }
      case "ScaledObject" -> {
        require(object, "spec.scaleTargetRef.name", problems);
        if (Tree.maps(object, "spec.triggers").isEmpty()) {
          problems.add("spec.triggers is empty");
        }
      }
      case "SparkApplication" -> {
        for (String field :
            List.of(
                "spec.type",
                "spec.mode",
                "spec.image",
                "spec.mainClass",
                "spec.mainApplicationFile",
                "spec.sparkVersion",
                "spec.driver.cores",
                "spec.driver.memory",
                "spec.executor.cores",
                "spec.executor.memory",
                "spec.executor.instances")) {
          require(object, field, problems);
        }
      }
      default -> problems.add("no checks for kind " + object.get("kind"));
    }
    return problems;
  }

  private static void require(Map<String, Object> object, String path, List<String> problems) {
    if (at(object, path) == null) {
      problems.add(path.replace("\\", "") + " is required");
    }
  }

  private static void expect(
      Map<String, Object> object, String path, String value, List<String> problems) {
    Object actual = at(object, path);
    if (!value.equals(String.valueOf(actual))) {
      problems.add(path.replace("\\", "") + " must be " + value + ", is " + actual);
    }
  }

  /** Like {@link Tree#at} but a key may contain an escaped dot, as annotation names do. */
  private static Object at(Map<String, Object> object, String path) {
    Object current = object;
    for (String key : path.split("(?<!\\\\)\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key.replace("\\.", "."));
    }
    return current;
  }
}
