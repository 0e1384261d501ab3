package dev.taxiscale.cluster;

import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.EmbeddedDatabase;
import dev.taxiscale.store.replica.ReadReplica;
import dev.taxiscale.store.replica.ReplicationSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's PostgreSQL read replica as a process of its own: seeded from the primary on first start,
 * started again from its data directory after that, until SIGTERM stops it. It runs in its node's
 * CPU group, so the queries it answers are charged to the node.
 *
 * <p>Usage: {@code ReplicaProcess PRIMARY_DIR PRIMARY_PORT NAME DATA_DIR PORT}: it replicates as
 * the primary's superuser, whose password it reads from the primary's data directory (mode 0600).
 */
public final class ReplicaProcess {
  private ReplicaProcess() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: ReplicaProcess PRIMARY_DIR PRIMARY_PORT NAME DATA_DIR PORT");
    }
    int primaryPort = Integer.parseInt(args[1]);
    DbConfig admin = EmbeddedDatabase.adminConfigFor(Path.of(args[0]), primaryPort);
    ReplicationSource primary =
        ReplicationSource.local(primaryPort, admin.user(), admin.password());
    Path dir = Path.of(args[3]);
    int port = Integer.parseInt(args[4]);
    ReadReplica replica =
        Files.exists(dir.resolve("PG_VERSION"))
            ? ReadReplica.start(dir, port)
            : ReadReplica.seed(primary, args[2], dir, port);
    System.out.println("PostgreSQL replica ready at " + replica.jdbcUrl());
    DatabaseProcess.runUntilStopped(replica);
  }
}
