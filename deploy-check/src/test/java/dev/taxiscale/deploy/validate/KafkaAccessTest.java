package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaAccessTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void onlyWorkersAnswerAndOnlyGatewaysAsk(Manifests overlay) {
    assertThat(KafkaAccess.problems(overlay, Overlays.project())).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> root, String path) {
    return (List<Object>) Tree.at(root, path);
  }

  @Test
  void aGatewayAllowedToWriteRepliesIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "KafkaUser",
            "taxiscale-gateway",
            u ->
                list(u, "spec.authorization.acls")
                    .add(
                        new java.util.LinkedHashMap<>(
                            Map.of(
                                "resource",
                                Map.of("type", "topic", "name", "taxiscale.replies"),
                                "operations",
                                List.of("Write")))));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .contains("KafkaUser taxiscale-gateway (gateway) may Write taxiscale.replies");
  }

  @Test
  void aListenerWithoutLoginIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "Kafka",
            "taxiscale-kafka",
            k -> Tree.maps(k, "spec.kafka.listeners").get(0).remove("authentication"));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("lets anyone in"));
  }

  @Test
  void aWorkerThatLogsInAsNobodyIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "Deployment",
            "taxiscale-worker",
            d ->
                list(Overlays.firstContainer(d), "env")
                    .removeIf(
                        e -> e instanceof Map<?, ?> m && KafkaAccess.USER.equals(m.get("name"))));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("sets no " + KafkaAccess.USER));
  }

  @Test
  void anOverlayWhoseKafkaRunsWithoutTheOperatorIsReported() {
    Manifests broken = Overlays.copyOf("minikube");
    broken.objects().removeIf(o -> List.of("Kafka", "KafkaUser").contains(o.get("kind")));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(p -> p.startsWith("minikube: Kafka does not run under the Strimzi operator"));
  }

  @Test
  void aKedaTriggerWithoutALoginIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "ScaledObject",
            "taxiscale-worker",
            s -> Tree.maps(s, "spec.triggers").get(0).remove("authenticationRef"));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(
            p -> p.endsWith("its kafka trigger has no authenticationRef, so KEDA cannot log in"));
  }

  @Test
  void aKedaTriggerWithoutSaslIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "ScaledObject",
            "taxiscale-worker",
            s -> Tree.map(Tree.maps(s, "spec.triggers").get(0), "metadata").remove("sasl"));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(p -> p.endsWith("sets no sasl, so KEDA connects without a login"));
  }

  @Test
  void aKedaLoginWithoutTheKafkaUsersPasswordIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "TriggerAuthentication",
            "taxiscale-worker-kafka",
            a -> Tree.map(a, "spec").remove("secretTargetRef"));

    assertThat(KafkaAccess.problems(broken, Overlays.project()))
        .anyMatch(p -> p.endsWith("takes no password from a Secret"));
  }
}
