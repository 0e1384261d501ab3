package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taxiscale.deploy.source.BuildImage;
import dev.taxiscale.deploy.source.Project;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageContractTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyTaxiscaleContainerRunsAnImageTheBuildMakesAtTheProjectVersion(Manifests overlay) {
    assertThat(ImageContract.problems(overlay, Overlays.project())).isEmpty();
  }

  /**
   * Skipped until the command line has its {@code gateway} and {@code worker} subcommands, which
   * the gateway and worker images run; from then on every image must run an existing subcommand.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyTaxiscaleContainerAndImageRunsAnExistingSubcommand(Manifests overlay) {
    assumeTrue(
        Overlays.project().subcommands().containsAll(List.of("gateway", "worker")),
        "the taxiscale command line has no gateway and worker subcommands yet");

    assertThat(ImageContract.commandProblems(overlay, Overlays.project())).isEmpty();
  }

  @Test
  void jibAndTheDockerfilesBuildTheSameImagesAtTheProjectVersion() {
    assertThat(ImageContract.buildProblems(Overlays.project())).isEmpty();
  }

  @Test
  void aContainerRunningASubcommandTheCommandLineLacksIsReported() {
    Manifests broken =
        Overlays.with(
            "minikube",
            "Job",
            "taxiscale-sample-ingest",
            j -> Overlays.firstContainer(j).put("args", List.of("import", "/work/trips.csv")));

    assertThat(ImageContract.commandProblems(broken, Overlays.project()))
        .anyMatch(p -> p.contains("runs 'import'"));
  }

  @Test
  void jibAndTheDockerfilesBuildTheGatewayWorkerAndIngestImages() {
    assertThat(Overlays.project().images())
        .extracting(i -> i.name())
        .contains("taxiscale-gateway", "taxiscale-worker", "taxiscale-ingest", "taxiscale-spark");
  }

  @Test
  void jibAndTheDockerfileRunTheGatewayAndWorkerModulesOwnMainClasses() {
    assertThat(Overlays.project().imagesNamed("taxiscale-gateway"))
        .hasSize(2)
        .allMatch(i -> i.mainClass().equals("dev.taxiscale.gateway.GatewayMain"))
        .allMatch(i -> i.role().equals("gateway"));
    assertThat(Overlays.project().imagesNamed("taxiscale-worker"))
        .hasSize(2)
        .allMatch(i -> i.mainClass().equals("dev.taxiscale.worker.WorkerMain"));
  }

  @Test
  void anImageWhoseMainClassHasNoSourceOrNoSubcommandIsReported() {
    Project p = Overlays.project();
    Project broken =
        new Project(
            p.root(),
            p.environmentNames(),
            p.subcommands(),
            p.topics(),
            p.pom(),
            List.of(
                new BuildImage(
                    "taxiscale-gateway", null, "dev.taxiscale.gateway.GoneMain", List.of(), "X")),
            p.dockerEnvironment());

    assertThat(ImageContract.commandProblems(Overlays.copyOf("minikube"), broken))
        .anyMatch(problem -> problem.contains("GoneMain has no source"))
        .anyMatch(problem -> problem.contains("main class runs 'gone'"));
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
