package dev.taxiscale.worker;

import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.pipeline.ride.RideRequestHandler;
import dev.taxiscale.pipeline.warmup.WarmUp;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DbConfig;
import dev.taxiscale.store.replica.ReplicaWatch;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;

/**
 * A query worker over its own connection pool, one connection per query thread: the handler chain
 * (ride requests, stale-read notices, SQL) and what it needs, wired in this one place for {@link
 * WorkerMain} and the CLI alike, and so is its warm-up. Closing it stops the worker, then the
 * replica watch, then the pool.
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

  /**
   * Warms the worker up with {@code plan} straight through its handler, before it joins the group
   * (a worker process has no gateway of its own to warm it through), and reports it in one line
   * headed {@code name} on {@code out}; a plan of no requests neither runs nor prints anything.
   */
  public DatabaseWorker warmUp(WarmUp.Plan plan, String name, PrintStream out) {
    warmUp(handler, plan, name, out);
    return this;
  }

  /** As {@link #warmUp(WarmUp.Plan, String, PrintStream)}, over any handler. */
  static void warmUp(RequestHandler handler, WarmUp.Plan plan, String name, PrintStream out) {
    if (plan.perType() > 0) {
      out.println(name + ": " + WarmUp.overHandler(handler, plan));
    }
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
