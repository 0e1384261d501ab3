package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExposureTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void onlyTheGatewayIsReachableFromOutsideTheNamespace(Manifests overlay) {
    assertThat(Exposure.problems(overlay)).isEmpty();
  }

  @Test
  void aPolicyThatAdmitsEveryoneToPostgresIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "NetworkPolicy",
            "postgres-from-apps",
            p -> Tree.map(p, "spec").put("ingress", List.of(Map.of())));

    assertThat(Exposure.problems(broken)).anyMatch(p -> p.contains("postgres-from-apps"));
  }

  @Test
  void aLoadBalancerInFrontOfTheDatabaseIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Service",
            "postgres",
            s -> Tree.map(s, "spec").put("type", "LoadBalancer"));

    assertThat(Exposure.problems(broken))
        .anyMatch(p -> p.contains("publishes a non-gateway service"));
  }

  @Test
  void aNamespaceWithoutDefaultDenyIsReported() {
    Manifests broken = Overlays.copyOf("minikube");
    broken.objects().remove(broken.find("NetworkPolicy", "default-deny-ingress").orElseThrow());

    assertThat(Exposure.problems(broken)).anyMatch(p -> p.contains("denies ingress to every pod"));
  }
}
