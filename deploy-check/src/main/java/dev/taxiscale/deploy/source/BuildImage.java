package dev.taxiscale.deploy.source;

import java.util.List;

/**
 * A container image the build makes.
 *
 * @param name the repository name without registry or tag, such as {@code taxiscale-worker}
 * @param tag the tag, or {@code null} where the builder chooses it at build time (Dockerfiles)
 * @param args the default arguments of the {@code taxiscale} command line, empty where none
 * @param source where it is defined, for messages
 */
public record BuildImage(String name, String tag, List<String> args, String source) {}
