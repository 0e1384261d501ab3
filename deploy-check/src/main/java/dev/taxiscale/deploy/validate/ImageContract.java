package dev.taxiscale.deploy.validate;

import dev.taxiscale.deploy.kustomize.ImageRef;
import dev.taxiscale.deploy.kustomize.ObjectId;
import dev.taxiscale.deploy.kustomize.Tree;
import dev.taxiscale.deploy.source.BuildImage;
import dev.taxiscale.deploy.source.Project;
import dev.taxiscale.deploy.source.Sources;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The manifests run images the build makes, at the project's version, with subcommands the command
 * line has (or main classes that run the same); the Jib images and the Dockerfile images agree; the
 * Spark application's main class and jar exist.
 */
public final class ImageContract {
  static final String SPARK_IMAGE = "taxiscale-spark";

  private ImageContract() {}

  public static List<String> problems(Manifests m, Project project) {
    List<String> problems = new ArrayList<>();
    for (TaxiscaleContainer c : TaxiscaleContainer.all(m, project)) {
      String name = c.image().repository();
      if (project.imagesNamed(name).isEmpty()) {
        problems.add(
            c.describe() + ": image " + name + " is built by neither Jib nor a Dockerfile");
      }
      if (!project.pom().version().equals(c.image().tag())) {
        problems.add(
            c.describe()
                + ": tag "
                + c.image().tag()
                + " is not the version "
                + project.pom().version());
      }
    }
    for (Map<String, Object> app : m.ofKind("SparkApplication")) {
      sparkApplication(app, project, problems);
    }
    return problems;
  }

  /** Containers and images that run a subcommand the {@code taxiscale} command line lacks. */
  public static List<String> commandProblems(Manifests m, Project project) {
    List<String> problems = new ArrayList<>();
    for (TaxiscaleContainer c : TaxiscaleContainer.all(m, project)) {
      if (!c.role().startsWith("spark-") && !project.subcommands().contains(c.role())) {
        problems.add(
            c.describe() + ": runs '" + c.role() + "', not one of " + project.subcommands());
      }
    }
    for (BuildImage image : project.images()) {
      if (!image.role().isEmpty() && !project.subcommands().contains(image.role())) {
        problems.add(
            image.source()
                + ": "
                + (image.runsCommandLine() ? "default command '" : "main class runs '")
                + image.role()
                + "', not one of "
                + project.subcommands());
      }
      if (!image.runsCommandLine() && !image.mainClass().isEmpty() && !hasSource(image, project)) {
        problems.add(
            image.source() + ": main class " + image.mainClass() + " has no source in a module");
      }
    }
    return problems;
  }

  private static boolean hasSource(BuildImage image, Project project) {
    return Sources.mainJava(project.root()).stream()
        .anyMatch(file -> file.endsWith(image.mainSource()));
  }

  /** Problems of the build alone, whatever the manifests: Jib and the Dockerfiles must agree. */
  public static List<String> buildProblems(Project project) {
    List<String> problems = new ArrayList<>();
    for (BuildImage image : project.images()) {
      if (image.tag() != null && !image.tag().equals(project.pom().version())) {
        problems.add(
            image.source() + ": tag " + image.tag() + " is not " + project.pom().version());
      }
      List<BuildImage> twins =
          project.imagesNamed(image.name()).stream().filter(i -> i != image).toList();
      for (BuildImage twin : twins) {
        if (!twin.args().equals(image.args()) || !twin.mainClass().equals(image.mainClass())) {
          problems.add(
              image.name()
                  + ": "
                  + image.source()
                  + " runs "
                  + image.mainClass()
                  + " "
                  + image.args()
                  + " but "
                  + twin.source()
                  + " runs "
                  + twin.mainClass()
                  + " "
                  + twin.args());
        }
      }
    }
    return problems;
  }

  private static void sparkApplication(
      Map<String, Object> app, Project project, List<String> problems) {
    String owner = ObjectId.of(app).toString();
    String mainClass = Tree.string(app, "spec.mainClass").orElse("");
    var source =
        project.root().resolve("spark/src/main/java/" + mainClass.replace('.', '/') + ".java");
    if (!Files.isRegularFile(source)) {
      problems.add(owner + ": main class " + mainClass + " has no source at " + source);
    }
    String file = Tree.string(app, "spec.mainApplicationFile").orElse("");
    String inImage = file.replaceFirst("^local://", "");
    var dockerfile = project.root().resolve("deploy/docker/spark.Dockerfile");
    if (!Files.isRegularFile(dockerfile) || !Sources.read(dockerfile).contains(inImage)) {
      problems.add(owner + ": " + inImage + " is not put into the image by " + dockerfile);
    }
    String image = Tree.string(app, "spec.image").orElse("");
    if (!SPARK_IMAGE.equals(ImageRef.parse(image).repository())) {
      problems.add(owner + ": image " + image + " is not taxiscale-spark");
    }
  }
}
