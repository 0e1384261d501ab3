package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.store.query.QueryEngine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The floor: the engine's own statements for each request, recorded once, then run with plain JDBC
 * and every row read, but no result mapping, JSON or transport.
 */
final class JdbcPath implements QueryPath {
  /** The floor's name in the report. */
  static final String NAME = "jdbc";

  private final DataSource dataSource;
  private final Map<QueryRequest, List<RecordedStatement>> statements;

  private JdbcPath(DataSource dataSource, Map<QueryRequest, List<RecordedStatement>> statements) {
    this.dataSource = dataSource;
    this.statements = statements;
  }

  /** Runs each request once through the engine to learn its statements. */
  static JdbcPath recording(DataSource dataSource, List<QueryRequest> requests) {
    Map<QueryRequest, List<RecordedStatement>> statements = new HashMap<>();
    for (QueryRequest request : requests) {
      StatementRecorder recorder = new StatementRecorder();
      try {
        new QueryEngine(recorder.watch(dataSource)).execute(request);
      } catch (RuntimeException e) {
        // it fails again, and is counted, when measured: here only its statements matter
      }
      statements.put(request, recorder.statements());
    }
    return new JdbcPath(dataSource, statements);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void answer(QueryRequest request) throws SQLException {
    List<RecordedStatement> recorded = statements.get(request);
    if (recorded == null || recorded.isEmpty()) {
      throw new IllegalStateException("no statements recorded for " + request.type());
    }
    try (Connection connection = dataSource.getConnection()) {
      for (RecordedStatement statement : recorded) {
        statement.replay(connection);
      }
    }
  }
}
