package dev.taxiscale.deploy.source;

import dev.taxiscale.deploy.kustomize.ImageRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The images of the {@code jib} profiles in the modules' POMs, one per execution, each with the
 * main class its profile names.
 */
public final class JibImages {
  private JibImages() {}

  /**
   * The images of every module under {@code root} whose POM has a {@code jib} profile.
   *
   * @param properties values for {@code ${...}} in image names, such as {@code project.version}
   */
  public static List<BuildImage> readModules(Path root, Map<String, String> properties) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(module -> module.resolve("pom.xml"))
          .filter(Files::isRegularFile)
          .sorted()
          .flatMap(pom -> read(pom, properties).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The images of one POM's {@code jib} profile; none where it has no such profile. */
  public static List<BuildImage> read(Path pom, Map<String, String> properties) {
    Element profile = jibProfile(parse(pom));
    if (profile == null) {
      return List.of();
    }
    String mainClass = text(first(profile, "mainClass"));
    List<BuildImage> images = new ArrayList<>();
    for (Element execution : descendants(profile, "execution")) {
      Element to = first(execution, "to");
      if (to == null) {
        continue;
      }
      String image = interpolate(text(first(to, "image")), properties);
      ImageRef ref = ImageRef.parse(image);
      List<String> args = new ArrayList<>();
      Element argsElement = first(execution, "args");
      if (argsElement != null) {
        descendants(argsElement, "arg").forEach(arg -> args.add(text(arg)));
      }
      images.add(
          new BuildImage(
              ref.repository(),
              ref.tag(),
              mainClass,
              args,
              pom + " execution " + text(first(execution, "id"))));
    }
    return images;
  }

  private static Element jibProfile(Document pom) {
    for (Element profile : descendants(pom.getDocumentElement(), "profile")) {
      if ("jib".equals(text(first(profile, "id")))) {
        return profile;
      }
    }
    return null;
  }

  private static String interpolate(String value, Map<String, String> properties) {
    String result = value;
    for (Map.Entry<String, String> p : properties.entrySet()) {
      result = result.replace("${" + p.getKey() + "}", p.getValue());
    }
    return result;
  }

  static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static List<Element> descendants(Element parent, String tag) {
    List<Element> found = new ArrayList<>();
    var nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static Element first(Element parent, String tag) {
    var nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
  }

  /** The text of a direct child element, such as a POM property. */
  static String childText(Element parent, String tag) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return text(e);
      }
    }
    return null;
  }

  static String text(Element element) {
    return element == null ? "" : element.getTextContent().trim();
  }
}
