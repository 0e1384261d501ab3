package dev.taxiscale.cluster;

import dev.taxiscale.store.replica.ReadReplica;
import dev.taxiscale.store.replica.ReplicationSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A node's PostgreSQL read replica as a process of its own: seeded from the primary on first start,
 * started again from its data directory after that, until SIGTERM stops it. It runs in its node's
 * CPU group, so the queries it answers are charged to the node.
 *
 * <p>Usage: {@code ReplicaProcess PRIMARY_PORT NAME DATA_DIR PORT}, with the primary's login in
 * {@code TAXISCALE_DB_USER} and {@code TAXISCALE_DB_PASSWORD}.
 */
public final class ReplicaProcess {
  private ReplicaProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: ReplicaProcess PRIMARY_PORT NAME DATA_DIR PORT");
    }
    Map<String, String> env = System.getenv();
    ReplicationSource primary =
        ReplicationSource.local(
            Integer.parseInt(args[0]),
            env.getOrDefault("TAXISCALE_DB_USER", "postgres"),
            env.getOrDefault("TAXISCALE_DB_PASSWORD", ""));
    Path dir = Path.of(args[2]);
    int port = Integer.parseInt(args[3]);
    ReadReplica replica =
        Files.exists(dir.resolve("PG_VERSION"))
            ? ReadReplica.start(dir, port)
            : ReadReplica.seed(primary, args[1], dir, port);
    System.out.println("PostgreSQL replica ready at " + replica.jdbcUrl());
    DatabaseProcess.runUntilStopped(replica);
  }
}
