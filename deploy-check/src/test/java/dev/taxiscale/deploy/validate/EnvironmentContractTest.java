package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentContractTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyVariableSetIsReadAndEveryRoleGetsWhatItNeeds(Manifests overlay) {
    assertThat(EnvironmentContract.problems(overlay, Overlays.project())).isEmpty();
  }

  @Test
  void theSourceScanFindsTheDatabaseAndKafkaSettings() {
    assertThat(Overlays.project().environmentNames())
        .contains("TAXISCALE_JDBC_URL", "TAXISCALE_DB_USER", "TAXISCALE_KAFKA_BOOTSTRAP");
  }

  @Test
  void aConfigKeyNoCodeReadsIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "ConfigMap",
            "taxiscale-config",
            c -> Tree.map(c, "data").put("TAXISCALE_KAFKA_SERVERS", "kafka:9092"));

    assertThat(EnvironmentContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("TAXISCALE_KAFKA_SERVERS"));
  }

  @Test
  void aWorkerWithoutDatabasePasswordIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-worker",
            d -> {
              Map<String, Object> worker = Overlays.firstContainer(d);
              List<Map<String, Object>> env = Tree.maps(worker, "env");
              env.removeIf(e -> "TAXISCALE_DB_PASSWORD".equals(e.get("name")));
              worker.put("env", env);
            });

    assertThat(EnvironmentContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("(worker) lacks TAXISCALE_DB_PASSWORD"));
  }
}
