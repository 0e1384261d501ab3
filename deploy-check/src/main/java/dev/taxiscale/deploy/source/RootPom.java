package dev.taxiscale.deploy.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The root POM's version and properties, which the images and manifests must agree with.
 *
 * @param version the project version, the tag of every image the build makes
 * @param properties the {@code <properties>} of the root POM
 */
public record RootPom(String version, Map<String, String> properties) {
  public static RootPom read(Path root) {
    Element project = JibImages.parse(root.resolve("pom.xml")).getDocumentElement();
    Map<String, String> properties = new LinkedHashMap<>();
    Element props = null;
    for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("properties")) {
        props = e;
      }
    }
    if (props != null) {
      for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          properties.put(e.getTagName(), JibImages.text(e));
        }
      }
    }
    return new RootPom(JibImages.childText(project, "version"), properties);
  }

  /** The properties with {@code project.version} added, for interpolating image names. */
  public Map<String, String> interpolation() {
    Map<String, String> values = new LinkedHashMap<>(properties);
    values.put("project.version", version);
    values.put("image.prefix", "");
    return values;
  }
}
