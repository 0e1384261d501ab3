package dev.taxiscale.store.query;

import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.core.query.QueryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The query types' SQL classes found on the class path, and the engine's and the Spark baseline's
 * tables built from them. Both tables refuse, naming the type and what to write, a registered
 * {@link QueryType} without a SQL class; and two SQL classes for one type are refused by name.
 */
final class QuerySqls {

  /** What the messages for a type without SQL say to add. */
  static final String WRITE_ITS_SQL_CLASS =
      "write its SQL class in the store module's package dev.taxiscale.store.query:"
          + " @AutoService(QuerySql.class) public final class TheQuery implements"
          + " QuerySql<TheRequest> (see NearbyCabsQuery)";

  /** Every SQL class the store holds, found once: they hold no state. */
  static final List<QuerySql<?>> FOUND = found();

  /** A request's answer, waiting for a connection. */
  interface Answer {
    QueryResult on(Connection connection) throws SQLException;
  }

  private QuerySqls() {}

  /** The engine's answers, given its {@code context}; refuses a list that leaves a type out. */
  static ByType<Answer> answers(List<QuerySql<?>> sqls, QueryContext context) {
    ByType<Answer> table = new ByType<>("the query engine", WRITE_ITS_SQL_CLASS);
    onePerType(sqls).forEach(sql -> answerIn(table, sql, context));
    return table.complete();
  }

  /** The Spark baseline's statements; refuses a list that leaves a type out. */
  static ByType<String> sparkStatements(List<QuerySql<?>> sqls) {
    ByType<String> table = new ByType<>("the Spark baseline", WRITE_ITS_SQL_CLASS);
    onePerType(sqls).forEach(sql -> sparkIn(table, sql));
    return table.complete();
  }

  private static List<QuerySql<?>> found() {
    return ServiceLoader.load(QuerySql.class, QuerySql.class.getClassLoader()).stream()
        .<QuerySql<?>>map(ServiceLoader.Provider::get)
        .toList();
  }

  private static List<QuerySql<?>> onePerType(List<QuerySql<?>> sqls) {
    Map<Class<?>, QuerySql<?>> byRequest = new HashMap<>();
    for (QuerySql<?> sql : sqls) {
      QuerySql<?> other = byRequest.put(sql.requestClass(), sql);
      if (other != null) {
        throw new IllegalStateException(
            "two SQL classes answer "
                + sql.requestClass().getSimpleName()
                + ": "
                + other.getClass().getSimpleName()
                + " and "
                + sql.getClass().getSimpleName()
                + "; keep one");
      }
    }
    return sqls;
  }

  private static <Q extends QueryRequest> void answerIn(
      ByType<Answer> table, QuerySql<Q> sql, QueryContext context) {
    table.on(sql.requestClass(), request -> connection -> sql.answer(connection, request, context));
  }

  private static <Q extends QueryRequest> void sparkIn(ByType<String> table, QuerySql<Q> sql) {
    // an empty statement is the SQL class saying the baseline cannot ask it: find() answers empty
    table.on(sql.requestClass(), request -> sql.spark(request).orElse(null));
  }
}
