package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every variable the deployment sets for a taxiscale container is one the applications read, and
 * every container gets the variables its role cannot do without.
 */
public final class EnvironmentContract {
  private static final Set<String> DATABASE =
      Set.of("TAXISCALE_JDBC_URL", "TAXISCALE_DB_USER", "TAXISCALE_DB_PASSWORD");

  /**
   * What each role needs in a cluster. Without a bootstrap server or JDBC URL the applications
   * start an embedded broker or database inside the pod; without a host the gateway listens only on
   * the loopback interface, out of reach of its Service.
   */
  static final Map<String, Set<String>> REQUIRED =
      Map.of(
          "gateway",
          Set.of("TAXISCALE_KAFKA_BOOTSTRAP", "TAXISCALE_HTTP_HOST"),
          "worker",
          union(DATABASE, Set.of("TAXISCALE_KAFKA_BOOTSTRAP")),
          "ingest",
          DATABASE,
          "spark-driver",
          DATABASE);

  private EnvironmentContract() {}

  public static List<String> problems(Manifests m, Project project) {
    Set<String> read = project.environmentNames();
    List<String> problems = new ArrayList<>();
    REQUIRED.values().stream()
        .flatMap(Set::stream)
        .distinct()
        .filter(name -> !read.contains(name))
        .forEach(
            name -> problems.add("required variable " + name + " is no longer read by the code"));
    for (TaxiscaleContainer c : TaxiscaleContainer.all(m, project)) {
      Set<String> seen = c.environmentNames(m);
      seen.stream()
          .filter(name -> !read.contains(name))
          .forEach(name -> problems.add(c.describe() + ": sets " + name + ", which no code reads"));
      REQUIRED.getOrDefault(c.role(), Set.of()).stream()
          .filter(name -> !seen.contains(name))
          .forEach(name -> problems.add(c.describe() + " (" + c.role() + ") lacks " + name));
    }
    for (Map<String, Object> config : m.ofKind("ConfigMap")) {
      Tree.stringMap(config, "data").keySet().stream()
          .filter(key -> !read.contains(key))
          .forEach(
              key -> problems.add(ObjectId.of(config) + ": key " + key + " is read by no code"));
    }
    project
        .dockerEnvironment()
        .forEach(
            (name, file) -> {
              if (name.startsWith("TAXISCALE_") && !read.contains(name)) {
                problems.add(file + ": sets " + name + ", which no code reads");
              }
            });
    return problems;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
