package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageContractTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyTaxiscaleContainerRunsABuiltImageAndAnExistingCommand(Manifests overlay) {
    assertThat(ImageContract.problems(overlay, Overlays.project())).isEmpty();
  }

  @Test
  void jibAndTheDockerfilesBuildTheSameImagesWithExistingCommands() {
    assertThat(ImageContract.buildProblems(Overlays.project())).isEmpty();
  }

  @Test
  void jibAndTheDockerfilesBuildTheGatewayWorkerAndIngestImages() {
    assertThat(Overlays.project().images())
        .extracting(i -> i.name())
        .contains("taxiscale-gateway", "taxiscale-worker", "taxiscale-ingest", "taxiscale-spark");
  }

  @Test
  void anImageTheBuildDoesNotMakeIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-worker",
            d -> Overlays.firstContainer(d).put("image", "taxiscale-workers:0.1.0-SNAPSHOT"));

    assertThat(ImageContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("taxiscale-workers is built by neither"));
  }

  @Test
  void aTagOtherThanTheProjectVersionIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Deployment",
            "taxiscale-gateway",
            d -> Overlays.firstContainer(d).put("image", "taxiscale-gateway:latest"));

    assertThat(ImageContract.problems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("tag latest is not the version"));
  }
}
