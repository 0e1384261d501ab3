package dev.taxiscale.ingest;

import dev.taxiscale.store.Database;
import dev.taxiscale.store.DbConfig;
import java.time.Duration;
import java.util.List;

/**
 * A loader in a process of its own, for tests that kill it: ingests one file with the local engine
 * and prints {@code rows N} as the load advances, then {@code done}.
 *
 * <p>Arguments: JDBC URL, user, password, file, and {@code --force} to reload.
 */
final class LoaderProcess {
  static final String DONE = "done";
  static final String ROWS = "rows ";

  private LoaderProcess() {}

  public static void main(String[] args) throws Exception {
    DbConfig config = new DbConfig(args[0], args[1], args[2], 4);
    IngestOptions options =
        IngestOptions.defaults()
            .withForce(args.length > 4 && "--force".equals(args[4]))
            .withProgressInterval(Duration.ofMillis(5));
    try (Database database = Database.open(config)) {
      ProgressSink printing =
          progress -> {
            System.out.println(ROWS + progress.rowsIn());
            System.out.flush();
          };
      new LocalEngine(database.dataSource(), options, printing).ingest(List.of(args[3]));
    }
    System.out.println(DONE);
  }
}
