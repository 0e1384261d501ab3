package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.store.query.QueryEngine;
import javax.sql.DataSource;

/** The query engine in this process: SQL plus result mapping, no transport. */
final class EnginePath implements QueryPath {
  private final QueryEngine engine;

  EnginePath(DataSource dataSource) {
    this.engine = new QueryEngine(dataSource);
  }

  @Override
  public String name() {
    return "engine";
  }

  @Override
  public void answer(QueryRequest request) {
    engine.execute(request);
  }
}
