package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Services and secrets that operators create from custom resources, by the names their
 * documentation gives, so that references to them can be checked like references to plain objects.
 */
final class OperatorObjects {
  /** CloudNativePG's application secret keys (basic-auth plus connection strings). */
  static final Set<String> CNPG_APP_SECRET_KEYS =
      Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");

  /** Strimzi's User Operator secret of a SCRAM user, named after the user. */
  static final Set<String> STRIMZI_SCRAM_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

  private OperatorObjects() {}

  /** Service name to the ports it serves. */
  static Map<String, Set<Integer>> services(Manifests m) {
    Map<String, Set<Integer>> services = new TreeMap<>();
    for (Map<String, Object> kafka : m.ofKind("Kafka")) {
      Set<Integer> ports = new TreeSet<>();
      for (Map<String, Object> listener : Tree.maps(kafka, "spec.kafka.listeners")) {
        ports.add(((Number) listener.get("port")).intValue());
      }
      services.put(Manifests.nameOf(kafka) + "-kafka-bootstrap", ports);
    }
    for (Map<String, Object> cluster : m.ofKind("Cluster")) {
      for (String suffix : List.of("-rw", "-ro", "-r")) {
        services.put(Manifests.nameOf(cluster) + suffix, Set.of(5432));
      }
    }
    for (Map<String, Object> service : m.ofKind("Service")) {
      Set<Integer> ports = new TreeSet<>();
      Tree.maps(service, "spec.ports").forEach(p -> ports.add(((Number) p.get("port")).intValue()));
      services.put(Manifests.nameOf(service), ports);
    }
    return services;
  }

  /** Secret name to its keys, for secrets in the manifests and those operators create. */
  static Map<String, Set<String>> secrets(Manifests m) {
    Map<String, Set<String>> secrets = new TreeMap<>();
    for (Map<String, Object> cluster : m.ofKind("Cluster")) {
      secrets.put(Manifests.nameOf(cluster) + "-app", CNPG_APP_SECRET_KEYS);
    }
    for (Map<String, Object> user : m.ofKind("KafkaUser")) {
      secrets.put(Manifests.nameOf(user), STRIMZI_SCRAM_USER_SECRET_KEYS);
    }
    for (Map<String, Object> secret : m.ofKind("Secret")) {
      List<String> keys = new ArrayList<>();
      keys.addAll(Tree.map(secret, "data").keySet());
      keys.addAll(Tree.map(secret, "stringData").keySet());
      secrets.put(Manifests.nameOf(secret), Set.copyOf(keys));
    }
    return secrets;
  }
}
