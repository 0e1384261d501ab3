package dev.taxiscale.deploy.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's main Java sources and scripts, read as text. */
public final class Sources {
  private Sources() {}

  /** Every {@code .java} file under a {@code src/main/java} folder of a top-level module. */
  public static List<Path> mainJava(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(module -> module.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .flatMap(Sources::javaFiles)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every text resource ({@code .properties}, {@code .xml}) under a {@code src/main/resources}. */
  public static List<Path> mainResources(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(module -> module.resolve("src/main/resources"))
          .filter(Files::isDirectory)
          .flatMap(dir -> filesEndingWith(dir, ".properties", ".xml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> javaFiles(Path dir) {
    return filesEndingWith(dir, ".java");
  }

  private static Stream<Path> filesEndingWith(Path dir, String... suffixes) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> Stream.of(suffixes).anyMatch(s -> f.toString().endsWith(s)))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
