package dev.taxiscale.deploy.kustomize;

/**
 * An image reference split into its name (registry and repository) and tag.
 *
 * @param name e.g. {@code ghcr.io/org/taxiscale-worker}
 * @param tag e.g. {@code 0.1.0}, or {@code null} when absent
 */
public record ImageRef(String name, String tag) {
  /** Splits {@code registry:port/repo:tag}; a digest suffix is dropped. */
  public static ImageRef parse(String image) {
    String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int colon = withoutDigest.lastIndexOf(':');
    if (colon > withoutDigest.lastIndexOf('/')) {
      return new ImageRef(withoutDigest.substring(0, colon), withoutDigest.substring(colon + 1));
    }
    return new ImageRef(withoutDigest, null);
  }

  /** The last path segment of the name, such as {@code taxiscale-worker}. */
  public String repository() {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
