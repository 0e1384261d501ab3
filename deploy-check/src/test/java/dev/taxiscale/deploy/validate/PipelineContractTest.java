package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineContractTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void topicsGroupAndScalingAgreeWithThePipeline(Manifests overlay) {
    assertThat(PipelineContract.problems(overlay, Overlays.project())).isEmpty();
  }

  @Test
  void aRequestTopicWithOtherPartitionsThanTheSettingIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "KafkaTopic",
            "taxiscale-requests",
            t -> Tree.map(t, "spec").put("partitions", 8));

    assertThat(PipelineContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("TAXISCALE_REQUEST_PARTITIONS is 16"));
  }

  @Test
  void aScaledObjectWatchingAnotherGroupIsReported() {
    Manifests broken =
        Overlays.with(
            "eks",
            "ScaledObject",
            "taxiscale-worker",
            s ->
                Tree.maps(s, "spec.triggers")
                    .get(0)
                    .put(
                        "metadata",
                        java.util.Map.of(
                            "consumerGroup", "workers", "topic", "taxiscale.requests")));

    assertThat(PipelineContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("consumerGroup is workers"));
  }

  @Test
  void anAutoscalerBeyondTheRequestPartitionsIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "HorizontalPodAutoscaler",
            "taxiscale-worker",
            h -> Tree.map(h, "spec").put("maxReplicas", 32));

    assertThat(PipelineContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("more than the 16 request partitions"));
  }
}
