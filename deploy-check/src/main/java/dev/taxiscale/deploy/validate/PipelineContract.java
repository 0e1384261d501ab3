package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka resources agree with the pipeline's code and settings: topic names and the consumer group
 * are those of {@code Topics}, topic partitions and replicas match the {@code TAXISCALE_*}
 * settings, and no autoscaler adds more workers than there are request partitions.
 */
public final class PipelineContract {
  private PipelineContract() {}

  public static List<String> problems(Manifests m, Project project) {
    List<String> problems = new ArrayList<>();
    Map<String, String> topics = project.topics();
    Map<String, String> config =
        m.find("ConfigMap", "taxiscale-config")
            .map(c -> Tree.stringMap(c, "data"))
            .orElse(Map.of());
    int requestPartitions = intOf(config, "TAXISCALE_REQUEST_PARTITIONS").orElse(-1);
    for (Map<String, Object> topic : m.ofKind("KafkaTopic")) {
      String name = Tree.string(topic, "spec.topicName").orElse("");
      String owner = ObjectId.of(topic).toString();
      if (!topics.containsValue(name)) {
        problems.add(owner + ": topic " + name + " is not one of " + topics.values());
      }
      expect(
          owner,
          "partitions",
          topic,
          name.equals(topics.get("REQUESTS")),
          config,
          "TAXISCALE_REQUEST_PARTITIONS",
          problems);
      expect(
          owner,
          "partitions",
          topic,
          name.equals(topics.get("REPLIES")),
          config,
          "TAXISCALE_REPLY_PARTITIONS",
          problems);
      expect(owner, "replicas", topic, true, config, "TAXISCALE_REPLICATION_FACTOR", problems);
    }
    for (Map<String, Object> hpa : m.ofKind("HorizontalPodAutoscaler")) {
      ceiling(
          ObjectId.of(hpa).toString(),
          Tree.at(hpa, "spec.maxReplicas"),
          requestPartitions,
          problems);
    }
    for (Map<String, Object> so : m.ofKind("ScaledObject")) {
      String owner = ObjectId.of(so).toString();
      ceiling(owner, Tree.at(so, "spec.maxReplicaCount"), requestPartitions, problems);
      for (Map<String, Object> trigger : Tree.maps(so, "spec.triggers")) {
        if ("kafka".equals(trigger.get("type"))) {
          same(
              owner,
              "consumerGroup",
              Tree.string(trigger, "metadata.consumerGroup"),
              topics.get("WORKER_GROUP"),
              problems);
          same(
              owner,
              "topic",
              Tree.string(trigger, "metadata.topic"),
              topics.get("REQUESTS"),
              problems);
        }
      }
    }
    return problems;
  }

  private static void expect(
      String owner,
      String field,
      Map<String, Object> topic,
      boolean applies,
      Map<String, String> config,
      String setting,
      List<String> problems) {
    Optional<Integer> wanted = intOf(config, setting);
    Object actual = Tree.at(topic, "spec." + field);
    if (applies && wanted.isPresent() && !wanted.get().equals(actual)) {
      problems.add(
          owner + ": " + field + " is " + actual + " but " + setting + " is " + wanted.get());
    }
  }

  private static void ceiling(String owner, Object max, int partitions, List<String> problems) {
    if (partitions > 0 && max instanceof Number n && n.intValue() > partitions) {
      problems.add(
          owner
              + ": scales to "
              + n
              + " workers, more than the "
              + partitions
              + " request partitions");
    }
  }

  private static void same(
      String owner, String field, Optional<String> actual, String expected, List<String> problems) {
    if (!actual.orElse("").equals(expected)) {
      problems.add(
          owner + ": " + field + " is " + actual.orElse("unset") + ", the code uses " + expected);
    }
  }

  private static Optional<Integer> intOf(Map<String, String> config, String key) {
    try {
      return Optional.ofNullable(config.get(key)).map(String::trim).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
