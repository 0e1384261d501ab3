package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReferencesTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyNamedConfigSecretClaimAndAddressExists(Manifests overlay) {
    assertThat(References.problems(overlay)).isEmpty();
  }

  @Test
  void aSecretKeyTheSecretLacksIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Secret",
            "taxiscale-db-app",
            s -> Tree.map(s, "stringData").remove("password"));

    assertThat(References.problems(broken)).anyMatch(p -> p.contains("has no key password"));
  }

  @Test
  void aKafkaAddressNoServiceAnswersIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "ConfigMap",
            "taxiscale-config",
            c -> Tree.map(c, "data").put("TAXISCALE_KAFKA_BOOTSTRAP", "kafka:9092"));

    assertThat(References.problems(broken))
        .anyMatch(p -> p.contains("kafka:9092 names no service"));
  }

  @Test
  void aJdbcUrlOnAPortThePostgresServiceDoesNotServeIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "ConfigMap",
            "taxiscale-config",
            c ->
                Tree.map(c, "data")
                    .put("TAXISCALE_JDBC_URL", "jdbc:postgresql://postgres:5433/taxiscale"));

    assertThat(References.problems(broken)).anyMatch(p -> p.contains("does not serve port 5433"));
  }
}
