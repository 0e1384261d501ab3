package dev.taxiscale.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a started cluster is made of, kept in {@code cluster.properties} in its folder so that
 * another process (the {@code stop} and {@code status} commands) can find it.
 *
 * @param gateway the gateway's base URL
 * @param jdbcUrl where PostgreSQL listens
 * @param bootstrapServers where Kafka listens
 * @param processes in start order
 */
public record ClusterState(
    URI gateway, String jdbcUrl, String bootstrapServers, List<ClusterProcess> processes) {
  static final String FILE = "cluster.properties";

  public static Path file(Path dir) {
    return dir.resolve(FILE);
  }

  void write(Path dir) {
    Properties p = new Properties();
    p.setProperty("gateway", gateway.toString());
    p.setProperty("jdbcUrl", jdbcUrl);
    p.setProperty("bootstrapServers", bootstrapServers);
    for (int i = 0; i < processes.size(); i++) {
      ClusterProcess c = processes.get(i);
      p.setProperty(
          "process." + i,
          String.join(
              ",", c.name(), c.role().name(), "" + c.pid(), "" + c.port(), c.log().toString()));
    }
    try (Writer out = Files.newBufferedWriter(file(dir))) {
      p.store(out, "taxiscale local cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the state of the cluster started in {@code dir}. */
  public static ClusterState read(Path dir) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file(dir))) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("no cluster started in " + dir, e);
    }
    List<ClusterProcess> processes = new ArrayList<>();
    for (int i = 0; p.containsKey("process." + i); i++) {
      String[] f = p.getProperty("process." + i).split(",", 5);
      processes.add(
          new ClusterProcess(
              f[0],
              Role.valueOf(f[1]),
              Long.parseLong(f[2]),
              Integer.parseInt(f[3]),
              Path.of(f[4])));
    }
    return new ClusterState(
        URI.create(p.getProperty("gateway")),
        p.getProperty("jdbcUrl"),
        p.getProperty("bootstrapServers"),
        processes);
  }
}
