package dev.taxiscale.worker;

import dev.taxiscale.core.query.DataMissingException;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRefusedException;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.core.query.ValidationException;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.RequestHandler;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DatabaseUnavailableException;
import dev.taxiscale.store.query.QueryEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers request JSON with a query engine: parse and validate, run, write the result; a bad
 * request becomes a 400, one needing data not loaded a 409, a refused one a 422, an unreachable
 * database a 503. Times the engine per query type.
 */
public final class QueryHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(QueryHandler.class);

  private final Function<QueryRequest, QueryResult> engine;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /**
   * @param engine runs one validated request against the database, e.g. {@code
   *     QueryEngine::execute}
   */
  public QueryHandler(Function<QueryRequest, QueryResult> engine, MeterRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  /** A handler running queries with a {@link QueryEngine} over {@code dataSource}. */
  public static QueryHandler overDatabase(DataSource dataSource, MeterRegistry registry) {
    return new QueryHandler(new QueryEngine(dataSource)::execute, registry);
  }

  @Override
  public Reply handle(byte[] requestJson) {
    QueryRequest request;
    try {
      request = QueryJson.readRequest(requestJson);
    } catch (ValidationException e) {
      return Reply.of(Problem.invalid(e.field(), e.reason()));
    }
    return run(request);
  }

  private Reply run(QueryRequest request) {
    long start = System.nanoTime();
    try {
      return Reply.ok(QueryJson.writeBytes(engine.apply(request)));
    } catch (QueryRefusedException e) {
      return Reply.of(Problem.refused(e.field(), e.reason()));
    } catch (DataMissingException e) {
      return Reply.of(Problem.missingData(e.field(), e.reason()));
    } catch (ValidationException e) {
      return Reply.of(Problem.invalid(e.field(), e.reason()));
    } catch (RuntimeException e) {
      return failure(request, e);
    } finally {
      databaseTimer(request.type()).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static Reply failure(QueryRequest request, RuntimeException e) {
    if (isDatabaseDown(e)) {
      log.warn("{} query failed, database unavailable: {}", request.type(), e.getMessage());
      return Reply.of(Problem.unavailable("the database is unavailable; retry shortly"));
    }
    log.error("{} query failed", request.type(), e);
    return Reply.of(Problem.internal("the " + request.type() + " query failed"));
  }

  static boolean isDatabaseDown(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DatabaseUnavailableException
          || t instanceof SQLTransientConnectionException
          || (t instanceof SQLException sql && Database.isConnectionFailure(sql))) {
        return true;
      }
    }
    return false;
  }

  private Timer databaseTimer(String type) {
    return timers.computeIfAbsent(type, this::newDatabaseTimer);
  }

  private Timer newDatabaseTimer(String type) {
    return Timer.builder("taxiscale.database")
        .description("Time a worker spends running a query against PostgreSQL")
        .tag("query", type)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofNanos(100_000))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }
}
