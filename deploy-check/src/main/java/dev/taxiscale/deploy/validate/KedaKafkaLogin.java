package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KEDA reads the workers' lag from a broker that wants a login: every kafka trigger of a
 * ScaledObject names a TriggerAuthentication that gives KEDA's kafka scaler its {@code sasl}
 * mechanism (SCRAM, as the listeners ask), a {@code username} and a {@code password} taken from the
 * Secret the User Operator writes for a KafkaUser, whose ACLs let it describe the workers' group
 * and the request topic.
 *
 * <p>The parameter names are those of KEDA's kafka scaler: {@code sasl} (trigger metadata or
 * authentication), {@code username} and {@code password} (authentication).
 */
final class KedaKafkaLogin {
  static final String SASL = "scram_sha512";
  private static final String GROUP = "taxiscale-workers";
  private static final String TOPIC = "taxiscale.requests";

  private KedaKafkaLogin() {}

  static List<String> problems(Manifests m) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> scaled : m.ofKind("ScaledObject")) {
      String owner = ObjectId.of(scaled).toString();
      for (Map<String, Object> trigger : Tree.maps(scaled, "spec.triggers")) {
        if ("kafka".equals(trigger.get("type"))) {
          problems.addAll(trigger(m, owner, trigger).stream().map(p -> owner + ": " + p).toList());
        }
      }
    }
    return problems;
  }

  private static List<String> trigger(Manifests m, String owner, Map<String, Object> trigger) {
    Optional<String> ref = Tree.string(trigger, "authenticationRef.name");
    if (ref.isEmpty()) {
      return List.of("its kafka trigger has no authenticationRef, so KEDA cannot log in");
    }
    Optional<Map<String, Object>> auth = m.find("TriggerAuthentication", ref.get());
    if (auth.isEmpty()) {
      return List.of(
          "its kafka trigger names TriggerAuthentication " + ref.get() + ", not defined");
    }
    List<String> problems = new ArrayList<>();
    Set<String> given = parameters(auth.get());
    String sasl = Tree.string(trigger, "metadata.sasl").orElse(null);
    if (sasl == null && !given.contains("sasl")) {
      problems.add("its kafka trigger sets no sasl, so KEDA connects without a login");
    } else if (sasl != null && !SASL.equals(sasl)) {
      problems.add("its kafka trigger sets sasl " + sasl + " where the listeners ask " + SASL);
    }
    if (!given.contains("username")) {
      problems.add("TriggerAuthentication " + ref.get() + " gives no username");
    }
    Optional<Map<String, Object>> password =
        Tree.maps(auth.get(), "spec.secretTargetRef").stream()
            .filter(s -> "password".equals(s.get("parameter")))
            .findFirst();
    if (password.isEmpty()) {
      problems.add("TriggerAuthentication " + ref.get() + " takes no password from a Secret");
      return problems;
    }
    String user = String.valueOf(password.get().get("name"));
    Optional<Map<String, Object>> kafkaUser = m.find("KafkaUser", user);
    if (kafkaUser.isEmpty() || !"password".equals(password.get().get("key"))) {
      problems.add(
          "TriggerAuthentication "
              + ref.get()
              + " takes its password from "
              + user
              + ", which is not a KafkaUser's Secret key password");
    } else if (!describes(kafkaUser.get())) {
      problems.add(
          "KafkaUser " + user + " may not describe group " + GROUP + " and topic " + TOPIC);
    }
    return problems;
  }

  private static Set<String> parameters(Map<String, Object> auth) {
    Set<String> names = new HashSet<>();
    for (String source : List.of("secretTargetRef", "env", "configMapTargetRef")) {
      Tree.maps(auth, "spec." + source).forEach(p -> names.add(String.valueOf(p.get("parameter"))));
    }
    return names;
  }

  /** Reading a group's lag needs Describe on the group and the topic (Read implies it). */
  private static boolean describes(Map<String, Object> user) {
    boolean group = false;
    boolean topic = false;
    for (Map<String, Object> acl : Tree.maps(user, "spec.authorization.acls")) {
      List<String> operations = Tree.strings(acl, "operations");
      if (!(operations.contains("Describe") || operations.contains("Read"))) {
        continue;
      }
      String type = Tree.string(acl, "resource.type").orElse("");
      String name = Tree.string(acl, "resource.name").orElse("");
      boolean prefix = "prefix".equals(Tree.string(acl, "resource.patternType").orElse(""));
      String wanted = type.equals("group") ? GROUP : TOPIC;
      boolean matches =
          name.equals("*") || name.equals(wanted) || (prefix && wanted.startsWith(name));
      group |= type.equals("group") && matches;
      topic |= type.equals("topic") && matches;
    }
    return group && topic;
  }
}
