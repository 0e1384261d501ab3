package dev.taxiscale.store.query;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One query type as the store knows it, in the type's SQL class and nowhere else: how the engine
 * answers its request on a connection, and the statement the Spark baseline runs for the same
 * question. The engine finds the SQL classes through {@link java.util.ServiceLoader} ({@link
 * QuerySqls}): a class annotated {@code @AutoService(QuerySql.class)} is registered by the
 * compiler, so a new type needs no line in any list. Such a class is public with a public
 * no-argument constructor because the service loader creates it; it holds no state.
 *
 * @param <Q> the type's request record
 */
interface QuerySql<Q extends QueryRequest> {

  /** The request record this class answers, registered in {@code QueryType}. */
  Class<Q> requestClass();

  /**
   * The answer to {@code request}, read on {@code connection} with the engine's limits and helpers.
   * The engine borrows the connection and turns an {@link SQLException} into its own failures.
   */
  QueryResult answer(Connection connection, Q request, QueryContext context) throws SQLException;

  /** The Spark SQL statement asking the same question; empty where the baseline cannot ask it. */
  Optional<String> spark(Q request);
}
