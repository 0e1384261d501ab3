package dev.taxiscale.store.query;

import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.QueryRefusedException;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs the ride and taxi zone queries against the trips table: the one engine behind the Kafka
 * workers and the direct mode. Thread-safe; each call borrows one connection from the data source,
 * on which the SQL class of the request's type ({@link QuerySql}) answers.
 *
 * <p>Requests arrive validated (their records check themselves). Failures surface as {@link
 * QueryRefusedException} (the cost guard said no), {@link DatabaseUnavailableException} (the server
 * cannot be reached) or {@link QueryFailedException} (the statement failed or timed out).
 */
public final class QueryEngine {

  private final DataSource dataSource;
  private final ByType<QuerySqls.Answer> answers;

  /** An engine with the default limits and H3 cells (square cells if H3 cannot load). */
  public QueryEngine(DataSource dataSource) {
    this(dataSource, QueryLimits.defaults(), CellSystem.h3OrGrid());
  }

  /**
   * An engine for every query type whose SQL class the store holds.
   *
   * @throws IllegalStateException naming a registered query type no SQL class answers
   */
  public QueryEngine(DataSource dataSource, QueryLimits limits, CellSystem cells) {
    this.dataSource = dataSource;
    this.answers = QuerySqls.answers(QuerySqls.FOUND, QueryContext.of(dataSource, limits, cells));
  }

  /** Answers any request with the matching result type. */
  public QueryResult execute(QueryRequest request) {
    return withConnection(request, answers.apply(request));
  }

  /**
   * Answers a request whose result record the caller knows.
   *
   * @throws ClassCastException when {@code resultClass} is not the result record of the request's
   *     type
   */
  public <R extends QueryResult> R execute(QueryRequest request, Class<R> resultClass) {
    return resultClass.cast(execute(request));
  }

  private QueryResult withConnection(QueryRequest request, QuerySqls.Answer answer) {
    try (Connection connection = dataSource.getConnection()) {
      return answer.on(connection);
    } catch (SQLException e) {
      throw translate(request, e);
    }
  }

  private static RuntimeException translate(QueryRequest request, SQLException e) {
    if (Database.isConnectionFailure(e)) {
      return new DatabaseUnavailableException("database unavailable: " + firstLine(e), e);
    }
    if ("57014".equals(e.getSQLState())) {
      return new QueryFailedException(request.type() + " query timed out: " + firstLine(e), e);
    }
    return new QueryFailedException(request.type() + " query failed: " + firstLine(e), e);
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
