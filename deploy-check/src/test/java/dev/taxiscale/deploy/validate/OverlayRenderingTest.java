package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline renderer gives every overlay; where {@code kubectl} (with kustomize 4 or newer) is
 * installed, it must give the same objects as {@code kubectl kustomize}.
 */
class OverlayRenderingTest {
  @Test
  void thereAreOverlaysForMinikubeAndEks() {
    assertThat(Overlays.all().map(Manifests::name)).containsExactly("eks", "minikube");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void everyNamespacedObjectLandsInTheTaxiscaleNamespace(Manifests overlay) {
    assertThat(overlay.objects())
        .filteredOn(o -> !"Namespace".equals(o.get("kind")))
        .extracting(o -> ObjectId.of(o).namespace())
        .containsOnly("taxiscale");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.taxiscale.deploy.validate.Overlays#all")
  void kubectlKustomizeRendersTheSameObjects(Manifests overlay) throws Exception {
    assumeTrue(Kubectl.hasModernKustomize(), "kubectl with kustomize v4+ is not installed");
    String path =
        Overlays.project().root().resolve("deploy/k8s/overlays/" + overlay.name()).toString();

    List<Map<String, Object>> kubectl = Yaml.readAll(Kubectl.run("kustomize", path));

    assertThat(byId(overlay.objects())).isEqualTo(byId(kubectl));
  }

  private static Map<ObjectId, Map<String, Object>> byId(List<Map<String, Object>> objects) {
    return objects.stream().collect(Collectors.toMap(ObjectId::of, o -> o));
  }

  /** The kubectl on the PATH, if any. */
  static final class Kubectl {
    static boolean hasModernKustomize() {
      try {
        String version = run("version", "--client");
        return version.matches("(?s).*Kustomize Version: v([4-9]|\\d{2,})\\..*");
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    static String run(String... args) throws IOException {
      List<String> command = new java.util.ArrayList<>(List.of("kubectl"));
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IOException(
              "kubectl "
                  + String.join(" ", args)
                  + " failed: "
                  + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      return out;
    }
  }
}
