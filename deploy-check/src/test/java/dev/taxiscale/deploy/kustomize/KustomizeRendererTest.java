package dev.taxiscale.deploy.kustomize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeRendererTest {
  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: web:1
                env:
                  - {name: A, value: "1"}
              - name: sidecar
                image: proxy:2
      """;

  @TempDir Path dir;

  @Test
  void aPatchMergesContainersAndEnvByName() throws IOException {
    write("base/web.yaml", WEB);
    write("base/kustomization.yaml", "resources: [web.yaml]\n");
    write(
        "overlay/patch.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  env:
                    - {name: B, value: "2"}
        """);
    write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");

    Map<String, Object> web = only(KustomizeRenderer.render(dir.resolve("overlay")));

    List<Map<String, Object>> containers = Tree.maps(web, "spec.template.spec.containers");
    assertThat(containers).extracting(c -> c.get("name")).containsExactly("web", "sidecar");
    // a name the base lacks goes first, as kubectl kustomize renders it
    assertThat(Tree.maps(containers.get(0), "env"))
        .extracting(e -> e.get("name"))
        .containsExactly("B", "A");
  }

  @Test
  void aDeletePatchRemovesTheObject() throws IOException {
    write("web.yaml", WEB);
    write(
        "delete.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n$patch: delete\n");
    write("kustomization.yaml", "resources: [web.yaml]\npatches:\n  - path: delete.yaml\n");

    assertThat(KustomizeRenderer.render(dir)).isEmpty();
  }

  @Test
  void theNamespaceIsSetOnNamespacedObjectsAndNamesTheNamespaceObject() throws IOException {
    write("web.yaml", WEB + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: old}\n");
    write("kustomization.yaml", "namespace: shop\nresources: [web.yaml]\n");

    List<Map<String, Object>> objects = KustomizeRenderer.render(dir);

    assertThat(objects)
        .extracting(
            o ->
                Tree.string(o, "metadata.namespace").orElse("-")
                    + "/"
                    + Tree.string(o, "metadata.name").orElse(""))
        .containsExactly("shop/web", "-/shop");
  }

  @Test
  void anImageOverrideRenamesMatchingContainersOnly() throws IOException {
    write("web.yaml", WEB);
    write(
        "kustomization.yaml",
        "resources: [web.yaml]\nimages:\n  - {name: web, newName: reg.io/web, newTag: \"3\"}\n");

    Map<String, Object> web = only(KustomizeRenderer.render(dir));

    assertThat(Tree.maps(web, "spec.template.spec.containers"))
        .extracting(c -> c.get("image"))
        .containsExactly("reg.io/web:3", "proxy:2");
  }

  @Test
  void aComponentAddsItsObjectsAndPatchesThoseBeforeIt() throws IOException {
    write("base/web.yaml", WEB);
    write("base/kustomization.yaml", "resources: [web.yaml]\n");
    write("db/db.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: db}\n");
    write(
        "db/scale.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n");
    write(
        "db/kustomization.yaml",
        "kind: Component\nresources: [db.yaml]\npatches:\n  - path: scale.yaml\n");
    write("overlay/kustomization.yaml", "resources: [../base]\ncomponents: [../db]\n");

    List<Map<String, Object>> objects = KustomizeRenderer.render(dir.resolve("overlay"));

    assertThat(objects)
        .extracting(o -> Tree.string(o, "metadata.name").orElse(""))
        .containsExactly("web", "db");
    assertThat(Tree.at(objects.get(0), "spec.replicas")).isEqualTo(3);
  }

  @Test
  void aKustomizeFieldTheRendererDoesNotImplementIsRejected() throws IOException {
    write("kustomization.yaml", "resources: []\ncommonLabels: {team: taxi}\n");

    assertThatThrownBy(() -> KustomizeRenderer.render(dir))
        .hasMessageContaining("'commonLabels' is not supported");
  }

  @Test
  void aPatchOfAnAbsentObjectIsRejected() throws IOException {
    write("patch.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: ghost}\n");
    write("kustomization.yaml", "resources: []\npatches:\n  - path: patch.yaml\n");

    assertThatThrownBy(() -> KustomizeRenderer.render(dir))
        .hasMessageContaining("Service ghost, which is absent");
  }

  private void write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Map<String, Object> only(List<Map<String, Object>> objects) {
    assertThat(objects).hasSize(1);
    return objects.get(0);
  }
}
