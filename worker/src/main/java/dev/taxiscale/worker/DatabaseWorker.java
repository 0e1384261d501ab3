package dev.taxiscale.worker;

import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.pipeline.ride.RideRequestHandler;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.replica.ReplicaWatch;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A query worker over its own connection pool, one connection per query thread: the handler chain
 * (ride requests, stale-read notices, SQL) and what it needs, wired in this one place for {@link
 * WorkerMain} and the CLI alike. Closing it stops the worker, then the replica watch, then the
 * pool.
 */
public final class DatabaseWorker implements AutoCloseable {
  private final Database database;
  private final ReplicaWatch replica;
  private final RequestHandler handler;
  private final QueryWorker worker;

  private DatabaseWorker(
      Database database, ReplicaWatch replica, WorkerConfig config, MeterRegistry registry) {
    this.database = database;
    this.replica = replica;
    this.handler =
        new RideRequestHandler(
            new StaleReadNotice(
                QueryHandler.overDatabase(database.dataSource(), registry), replica::notice));
    this.worker = new QueryWorker(config, handler, registry);
  }

  /** Opens the pool and starts watching replica lag; the worker itself waits for {@link #start}. */
  public static DatabaseWorker open(WorkerConfig config, DbConfig db, MeterRegistry registry) {
    Database database = Database.openForQueries(db.withPoolSize(config.concurrency()));
    try {
      ReplicaWatch replica =
          new ReplicaWatch(database.dataSource(), ReplicaWatch.DEFAULT_BOUND).start();
      return new DatabaseWorker(database, replica, config, registry);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The handler the worker answers with, to warm it up before it joins the group. */
  public RequestHandler handler() {
    return handler;
  }

  /** Joins the worker group and starts taking requests; returns at once. */
  public DatabaseWorker start() {
    worker.start();
    return this;
  }

  @Override
  public void close() {
    worker.close();
    replica.close();
    database.close();
  }
}
