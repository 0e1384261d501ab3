package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HardeningTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyContainerHasResourcesProbesABudgetAndANonRootUser(Manifests overlay) {
    assertThat(Hardening.problems(overlay)).isEmpty();
  }

  @Test
  void aContainerWithoutAMemoryLimitIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "Deployment",
            "taxiscale-worker",
            d -> Tree.map(Overlays.firstContainer(d), "resources.limits").remove("memory"));

    assertThat(Hardening.problems(broken))
        .anyMatch(p -> p.contains("resources.limits.memory is not set"));
  }

  @Test
  void aDeploymentWithoutADisruptionBudgetIsReported() {
    Manifests broken = Overlays.copyOf("eks");
    broken.objects().remove(broken.find("PodDisruptionBudget", "taxiscale-gateway").orElseThrow());

    assertThat(Hardening.problems(broken)).anyMatch(p -> p.contains("no PodDisruptionBudget"));
  }

  @Test
  void aContainerWithoutReadinessProbeIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-gateway",
            d -> Overlays.firstContainer(d).remove("readinessProbe"));

    assertThat(Hardening.problems(broken)).anyMatch(p -> p.contains("has no readinessProbe"));
  }
}
