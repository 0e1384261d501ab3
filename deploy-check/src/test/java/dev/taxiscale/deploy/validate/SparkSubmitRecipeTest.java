package dev.taxiscale.deploy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.Sources;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/spark-submit-k8s.sh runs the same job as the EKS overlay's SparkApplication. */
class SparkSubmitRecipeTest {
  private static final String RECIPE = "deploy/spark-submit-k8s.sh";

  private final String script = Sources.read(Overlays.project().root().resolve(RECIPE));
  private final Map<String, Object> app =
      Overlays.copyOf("eks").find("SparkApplication", "taxiscale-ingest").orElseThrow();

  @Test
  void itRunsTheApplicationsMainClassFromTheSameJar() {
    assertThat(script)
        .contains("--class " + Tree.string(app, "spec.mainClass").orElseThrow())
        .contains(Tree.string(app, "spec.mainApplicationFile").orElseThrow());
  }

  @Test
  void everyVariableItGivesTheDriverIsOneTheCodeReads() {
    Set<String> given = new TreeSet<>();
    Matcher m = Pattern.compile("\\.(?:driverEnv|secretKeyRef)\\.(\\w+)=").matcher(script);
    while (m.find()) {
      given.add(m.group(1));
    }

    assertThat(given).isNotEmpty();
    assertThat(Overlays.project().environmentNames()).containsAll(given);
  }

  @Test
  void itUsesTheServiceAccountClaimAndSecretTheOverlayDefines() {
    assertThat(script)
        .contains(
            "serviceAccountName=" + Tree.string(app, "spec.driver.serviceAccount").orElseThrow())
        .contains(
            "claimName="
                + Tree.string(
                        Tree.maps(app, "spec.volumes").get(0), "persistentVolumeClaim.claimName")
                    .orElseThrow())
        .contains("taxiscale-db-app:password");
  }
}
