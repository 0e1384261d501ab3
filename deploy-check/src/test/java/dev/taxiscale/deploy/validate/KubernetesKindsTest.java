package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesKindsTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyObjectIsAValidKubernetesObject(Manifests overlay) {
    assertThat(KubernetesKinds.problems(overlay)).isEmpty();
  }

  @Test
  void aFieldTheApiDoesNotDefineIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-worker",
            d -> Overlays.firstContainer(d).put("livenesProbe", java.util.Map.of()));

    assertThat(KubernetesKinds.problems(broken))
        .anyMatch(p -> p.contains("unknown field") && p.contains("livenesProbe"));
  }

  @Test
  void aStringWhereTheApiWantsANumberIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-gateway",
            d -> Tree.map(d, "spec").put("replicas", "2"));

    assertThat(KubernetesKinds.problems(broken))
        .anyMatch(p -> p.contains("Deployment taxiscale/taxiscale-gateway"));
  }

  @Test
  void aKindNoInstalledOperatorServesIsReported() {
    Manifests broken =
        Overlays.with(
            "eks", "ScaledObject", "taxiscale-worker", s -> s.put("apiVersion", "keda.sh/v2"));

    assertThat(KubernetesKinds.problems(broken))
        .anyMatch(p -> p.contains("unknown type keda.sh/v2 ScaledObject"));
  }

  @Test
  void aKafkaClusterWithZooKeeperIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "Kafka",
            "taxiscale-kafka",
            k -> Tree.map(k, "spec").put("zookeeper", java.util.Map.of("replicas", 3)));

    assertThat(KubernetesKinds.problems(broken)).anyMatch(p -> p.contains("KRaft"));
  }
}
