package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.Project;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The repository's overlays rendered once per test run, and copies of them to break on purpose. */
final class Overlays {
  private static Project project;
  private static List<Manifests> rendered;

  private Overlays() {}

  static synchronized Project project() {
    if (project == null) {
      project = Project.read(Project.locateRoot());
    }
    return project;
  }

  /** Every overlay, for {@code @MethodSource}. */
  static synchronized Stream<Manifests> all() {
    if (rendered == null) {
      rendered = project().overlays().stream().map(Manifests::render).toList();
    }
    return rendered.stream();
  }

  /** A private copy of one overlay's objects. */
  static Manifests copyOf(String overlay) {
    Manifests original = all().filter(m -> m.name().equals(overlay)).findFirst().orElseThrow();
    List<Map<String, Object>> objects =
        original.objects().stream().map(o -> Tree.cast((Map<?, ?>) Tree.copy(o))).toList();
    return new Manifests(overlay, new java.util.ArrayList<>(objects));
  }

  /** A copy of an overlay with one object changed. */
  static Manifests with(
      String overlay, String kind, String name, Consumer<Map<String, Object>> change) {
    Manifests copy = copyOf(overlay);
    change.accept(copy.find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name)));
    return copy;
  }

  /** The first container of a workload's pod template. */
  static Map<String, Object> firstContainer(Map<String, Object> workload) {
    return Tree.maps(workload, "spec.template.spec.containers").get(0);
  }
}
