package dev.taxiscale.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a process of the cluster was started, its command and the settings it got, kept in {@code
 * launch/NAME.properties} so that {@code restart NAME} starts it again the same way from another
 * JVM. The settings hold the database password, so the file is readable by its owner only.
 *
 * @param command the full command line
 * @param env the variables added to the launcher's environment
 */
record LaunchRecord(List<String> command, Map<String, String> env) {
  LaunchRecord {
    command = List.copyOf(command);
    env = Map.copyOf(env);
  }

  static Path file(Path dir, String name) {
    return dir.resolve("launch").resolve(name + ".properties");
  }

  void write(Path dir, String name) {
    Properties p = new Properties();
    for (int i = 0; i < command.size(); i++) {
      p.setProperty("command." + i, command.get(i));
    }
    env.forEach((key, value) -> p.setProperty("env." + key, value));
    Path file = file(dir, name);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer out = Files.newBufferedWriter(file)) {
        p.store(out, "taxiscale local cluster: how " + name + " starts");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LaunchRecord read(Path dir, String name) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file(dir, name))) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("no record of how " + name + " starts in " + dir);
    }
    List<String> command = new ArrayList<>();
    for (int i = 0; p.containsKey("command." + i); i++) {
      command.add(p.getProperty("command." + i));
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("env.")) {
        env.put(key.substring("env.".length()), p.getProperty(key));
      }
    }
    return new LaunchRecord(command, env);
  }
}
