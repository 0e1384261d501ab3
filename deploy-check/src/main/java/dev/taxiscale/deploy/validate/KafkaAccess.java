package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Only workers can answer: where the operator runs Kafka, every listener asks for a login and ACLs
 * apply, gateways and workers each log in as a {@code KafkaUser} of their own, and the ACLs let a
 * gateway write requests and read replies and a worker the opposite, never both sides; KEDA logs in
 * too ({@link KedaKafkaLogin}). An overlay whose gateways and workers reach a Kafka not run by the
 * operator is refused: nothing there asks for a login.
 */
public final class KafkaAccess {
  static final String USER = "TAXISCALE_KAFKA_USER";
  static final String PASSWORD = "TAXISCALE_KAFKA_PASSWORD";

  /** What each role must be allowed, and what it must not be, on which topic. */
  private record Rule(String role, String operation, String topic, boolean allowed) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule("gateway", "Write", "taxiscale.requests", true),
          new Rule("gateway", "Read", "taxiscale.replies", true),
          new Rule("gateway", "Read", "taxiscale.requests", false),
          new Rule("gateway", "Write", "taxiscale.replies", false),
          new Rule("worker", "Read", "taxiscale.requests", true),
          new Rule("worker", "Write", "taxiscale.replies", true),
          new Rule("worker", "Write", "taxiscale.requests", false),
          new Rule("worker", "Read", "taxiscale.replies", false));

  private KafkaAccess() {}

  public static List<String> problems(Manifests m, Project project) {
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> brokers = m.ofKind("Kafka");
    for (Map<String, Object> kafka : brokers) {
      String owner = ObjectId.of(kafka).toString();
      for (Map<String, Object> listener : Tree.maps(kafka, "spec.kafka.listeners")) {
        if (Tree.string(listener, "authentication.type").isEmpty()) {
          problems.add(owner + ": listener " + listener.get("name") + " lets anyone in");
        }
      }
      if (Tree.string(kafka, "spec.kafka.authorization.type").isEmpty()) {
        problems.add(owner + ": spec.kafka.authorization is unset, so no ACL applies");
      }
    }
    List<TaxiscaleContainer> clients =
        TaxiscaleContainer.all(m, project).stream()
            .filter(c -> RULES.stream().anyMatch(r -> r.role().equals(c.role())))
            .toList();
    if (brokers.isEmpty()) {
      if (!clients.isEmpty()) {
        problems.add(
            m.name()
                + ": Kafka does not run under the Strimzi operator, so its clients log in as"
                + " nobody and no ACL applies (use components/kafka-strimzi)");
      }
      return problems;
    }
    problems.addAll(KedaKafkaLogin.problems(m));
    for (TaxiscaleContainer c : clients) {
      Optional<String> user = value(c, USER);
      if (user.isEmpty() || !c.environmentNames(m).contains(PASSWORD)) {
        problems.add(c.describe() + " (" + c.role() + ") sets no " + USER + " and " + PASSWORD);
        continue;
      }
      Optional<Map<String, Object>> kafkaUser = m.find("KafkaUser", user.get());
      if (kafkaUser.isEmpty()) {
        problems.add(c.describe() + " logs in as " + user.get() + ", which no KafkaUser defines");
        continue;
      }
      for (Rule rule : RULES) {
        if (rule.role().equals(c.role()) && allows(kafkaUser.get(), rule) != rule.allowed()) {
          problems.add(
              "KafkaUser "
                  + user.get()
                  + " ("
                  + c.role()
                  + ") "
                  + (rule.allowed() ? "may not " : "may ")
                  + rule.operation()
                  + " "
                  + rule.topic());
        }
      }
    }
    return problems;
  }

  private static Optional<String> value(TaxiscaleContainer c, String name) {
    return Tree.maps(c.container(), "env").stream()
        .filter(e -> name.equals(e.get("name")) && e.get("value") != null)
        .map(e -> String.valueOf(e.get("value")))
        .findFirst();
  }

  /** Whether an allow ACL of the user covers the rule's operation on its topic. */
  private static boolean allows(Map<String, Object> user, Rule rule) {
    for (Map<String, Object> acl : Tree.maps(user, "spec.authorization.acls")) {
      if ("deny".equalsIgnoreCase(String.valueOf(acl.getOrDefault("type", "allow")))) {
        continue;
      }
      List<String> operations = Tree.strings(acl, "operations");
      boolean operation = operations.contains(rule.operation()) || operations.contains("All");
      if (operation && matchesTopic(acl, rule.topic())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesTopic(Map<String, Object> acl, String topic) {
    if (!"topic".equals(Tree.string(acl, "resource.type").orElse(""))) {
      return false;
    }
    String name = Tree.string(acl, "resource.name").orElse("");
    String pattern = Tree.string(acl, "resource.patternType").orElse("literal");
    return name.equals("*")
        || name.equals(topic)
        || (pattern.equals("prefix") && topic.startsWith(name));
  }
}
