package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WiringTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void servicesBudgetsProbesAndScalersPointAtRealPodsAndPorts(Manifests overlay) {
    assertThat(Wiring.problems(overlay)).isEmpty();
  }

  @Test
  void aServiceWhoseSelectorMatchesNoPodIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Service",
            "taxiscale-gateway",
            s -> Tree.map(s, "spec").put("selector", Map.of("app.kubernetes.io/name", "gateway")));

    assertThat(Wiring.problems(broken)).anyMatch(p -> p.contains("matches no pod"));
  }

  @Test
  void aProbeOnAPortTheContainerDoesNotDeclareIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-gateway",
            d -> Tree.map(Overlays.firstContainer(d), "readinessProbe.httpGet").put("port", "web"));

    assertThat(Wiring.problems(broken)).anyMatch(p -> p.contains("undeclared port web"));
  }

  @Test
  void aDeploymentWithTwoAutoscalersIsReported() {
    Manifests broken = Overlays.copyOf("eks");
    broken
        .objects()
        .add(
            Overlays.copyOf("minikube")
                .find("HorizontalPodAutoscaler", "taxiscale-worker")
                .orElseThrow());

    assertThat(Wiring.problems(broken)).anyMatch(p -> p.contains("more than one autoscaler"));
  }
}
