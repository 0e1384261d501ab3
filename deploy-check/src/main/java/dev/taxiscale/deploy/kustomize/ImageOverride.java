package dev.taxiscale.deploy.kustomize;

import java.util.Map;

/**
 * One entry of a kustomization's {@code images}: containers whose image name is {@code name} get
 * {@code newName} and {@code newTag} where those are set.
 */
public record ImageOverride(String name, String newName, String newTag) {
  public ImageOverride {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "an image override needs the name of the image it replaces");
    }
  }

  static ImageOverride of(Map<String, Object> entry) {
    for (String key : entry.keySet()) {
      if (!Map.of("name", 0, "newName", 0, "newTag", 0).containsKey(key)) {
        throw new IllegalArgumentException("image override field '" + key + "' is not supported");
      }
    }
    return new ImageOverride(
        Tree.string(entry, "name").orElse(null),
        Tree.string(entry, "newName").orElse(null),
        Tree.string(entry, "newTag").orElse(null));
  }

  /** The image reference with this override applied, or the reference unchanged. */
  public String apply(String image) {
    ImageRef ref = ImageRef.parse(image);
    if (!ref.name().equals(name)) {
      return image;
    }
    String tag = newTag != null ? ":" + newTag : ref.tag() == null ? "" : ":" + ref.tag();
    return (newName != null ? newName : ref.name()) + tag;
  }
}
