package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * References by name: config maps, secrets and their keys, volume claims, service accounts, the
 * Kafka cluster of Strimzi resources, and the service addresses in settings (Kafka bootstrap, JDBC
 * URL, KEDA's trigger), which must name a service that exists and serves that port.
 */
public final class References {
  private References() {}

  public static List<String> problems(Manifests m) {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> secrets = OperatorObjects.secrets(m);
    for (PodView pod : m.pods()) {
      for (Map<String, Object> container : pod.containers()) {
        configRefs(m, pod, container, problems);
        secretRefs(pod, container, secrets, problems);
      }
      for (Map<String, Object> volume : Tree.maps(pod.spec(), "volumes")) {
        claim(m, pod.owner(), Tree.string(volume, "persistentVolumeClaim.claimName"), problems);
      }
      Tree.string(pod.spec(), "serviceAccountName")
          .ifPresent(sa -> exists(m, pod.owner(), "ServiceAccount", sa, problems));
    }
    for (Map<String, Object> app : m.ofKind("SparkApplication")) {
      for (Map<String, Object> volume : Tree.maps(app, "spec.volumes")) {
        claim(
            m,
            ObjectId.of(app).toString(),
            Tree.string(volume, "persistentVolumeClaim.claimName"),
            problems);
      }
      Tree.string(app, "spec.driver.serviceAccount")
          .ifPresent(sa -> exists(m, ObjectId.of(app).toString(), "ServiceAccount", sa, problems));
    }
    for (String kind : List.of("KafkaNodePool", "KafkaTopic", "KafkaUser")) {
      for (Map<String, Object> object : m.ofKind(kind)) {
        String cluster =
            Tree.stringMap(object, "metadata.labels").getOrDefault("strimzi.io/cluster", "");
        exists(m, ObjectId.of(object).toString(), "Kafka", cluster, problems);
      }
    }
    addresses(m, problems);
    return problems;
  }

  private static void configRefs(
      Manifests m, PodView pod, Map<String, Object> container, List<String> problems) {
    for (Map<String, Object> from : Tree.maps(container, "envFrom")) {
      Tree.string(from, "configMapRef.name")
          .ifPresent(name -> exists(m, pod.owner(), "ConfigMap", name, problems));
    }
    for (Map<String, Object> env : Tree.maps(container, "env")) {
      Tree.string(env, "valueFrom.configMapKeyRef.name")
          .ifPresent(name -> exists(m, pod.owner(), "ConfigMap", name, problems));
    }
  }

  private static void secretRefs(
      PodView pod,
      Map<String, Object> container,
      Map<String, Set<String>> secrets,
      List<String> problems) {
    for (Map<String, Object> env : Tree.maps(container, "env")) {
      Map<String, Object> ref = Tree.map(env, "valueFrom.secretKeyRef");
      if (ref.isEmpty()) {
        continue;
      }
      String name = String.valueOf(ref.get("name"));
      String key = String.valueOf(ref.get("key"));
      if (!secrets.containsKey(name)) {
        problems.add(
            pod.owner() + ": secret " + name + " is neither defined nor made by an operator");
      } else if (!secrets.get(name).contains(key)) {
        problems.add(pod.owner() + ": secret " + name + " has no key " + key);
      }
    }
  }

  private static void claim(
      Manifests m, String owner, java.util.Optional<String> claim, List<String> problems) {
    claim.ifPresent(name -> exists(m, owner, "PersistentVolumeClaim", name, problems));
  }

  private static void exists(
      Manifests m, String owner, String kind, String name, List<String> problems) {
    if (m.find(kind, name).isEmpty()) {
      problems.add(owner + ": " + kind + " " + name + " does not exist");
    }
  }

  private static void addresses(Manifests m, List<String> problems) {
    Map<String, Set<Integer>> services = OperatorObjects.services(m);
    for (Map<String, Object> config : m.ofKind("ConfigMap")) {
      Map<String, String> data = Tree.stringMap(config, "data");
      String owner = ObjectId.of(config).toString();
      String namespace = ObjectId.of(config).namespace();
      if (data.containsKey("TAXISCALE_KAFKA_BOOTSTRAP")) {
        for (String server : data.get("TAXISCALE_KAFKA_BOOTSTRAP").split(",")) {
          served(owner, namespace, server.trim(), services, problems);
        }
      }
      if (data.containsKey("TAXISCALE_JDBC_URL")) {
        URI uri = URI.create(data.get("TAXISCALE_JDBC_URL").substring("jdbc:".length()));
        String address = uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
        served(owner, namespace, address, services, problems);
      }
    }
    for (Map<String, Object> so : m.ofKind("ScaledObject")) {
      for (Map<String, Object> trigger : Tree.maps(so, "spec.triggers")) {
        Tree.string(trigger, "metadata.bootstrapServers")
            .ifPresent(
                s ->
                    served(
                        ObjectId.of(so).toString(),
                        ObjectId.of(so).namespace(),
                        s,
                        services,
                        problems));
      }
    }
  }

  /** Whether {@code host:port} names a service of this namespace (short or cluster-local name). */
  private static void served(
      String owner,
      String namespace,
      String address,
      Map<String, Set<Integer>> services,
      List<String> problems) {
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    int port = colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
    String[] parts = host.split("\\.");
    String service = parts[0];
    if (parts.length > 1 && !parts[1].equals(namespace)) {
      problems.add(
          owner + ": " + address + " points into namespace " + parts[1] + ", not " + namespace);
    } else if (!services.containsKey(service)) {
      problems.add(owner + ": " + address + " names no service; there are " + services.keySet());
    } else if (!services.get(service).contains(port)) {
      problems.add(owner + ": service " + service + " does not serve port " + port);
    }
  }
}
