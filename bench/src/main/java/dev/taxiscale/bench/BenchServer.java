package dev.taxiscale.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's own embedded PostgreSQL: like the application's, but with a buffer cache big
 * enough to hold the query indexes of 10M trips (about 2.6 GB), so "warm" means in PostgreSQL's
 * cache rather than in the kernel's, and without fsync, since the data can be generated again.
 */
final class BenchServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private BenchServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static BenchServer start(Path dataDirectory, String sharedBuffers) throws IOException {
    Files.createDirectories(dataDirectory);
    return new BenchServer(
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("shared_buffers", sharedBuffers)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_wal_size", "8GB")
            .setServerConfig("maintenance_work_mem", "512MB")
            // the bench's own pool (up to 65 at 64 clients) and the Kafka workers' pools at once
            .setServerConfig("max_connections", "200")
            .start());
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
