package dev.taxiscale.store.query;

import dev.taxiscale.core.query.ByType;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryResult;
import dev.taxiscale.core.query.QueryType;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One query type as the store registers it, in one line of {@link QueryEngine}: how the engine
 * answers it and the statement the Spark baseline runs for the same question ({@link SparkSql}),
 * both written in the type's SQL class. A type the baseline cannot ask says so with {@link
 * #withoutSpark}.
 *
 * @param <Q> the type's request record
 */
record TypeSql<Q extends QueryRequest>(
    Class<Q> requestClass,
    BiFunction<QueryEngine, Q, ? extends QueryResult> answer,
    Function<Q, String> spark) {

  /**
   * Both tables are filled from {@code QueryEngine.TYPES} alone, so a type either lacks is missing
   * from that list: the messages say so, with the line to add.
   */
  static final String ADD_TO_TYPES =
      "add its line to the list QueryEngine.TYPES (store module): TypeSql.of(TheRequest.class,"
          + " QueryEngine::theAnswer, TheQuery::spark), or TypeSql.withoutSpark(TheRequest.class,"
          + " QueryEngine::theAnswer) where the Spark baseline cannot ask it";

  static <Q extends QueryRequest> TypeSql<Q> of(
      Class<Q> requestClass,
      BiFunction<QueryEngine, Q, ? extends QueryResult> answer,
      Function<Q, String> spark) {
    return new TypeSql<>(requestClass, answer, spark);
  }

  static <Q extends QueryRequest> TypeSql<Q> withoutSpark(
      Class<Q> requestClass, BiFunction<QueryEngine, Q, ? extends QueryResult> answer) {
    return new TypeSql<>(requestClass, answer, null);
  }

  /** The engine's answers; refuses a list that leaves a registered type out. */
  static ByType<QueryResult> answers(List<TypeSql<?>> types, QueryEngine engine) {
    ByType<QueryResult> table = new ByType<>("the query engine", ADD_TO_TYPES);
    types.forEach(type -> type.answerIn(table, engine));
    return table.complete();
  }

  /** The Spark baseline's statements; complete once {@link #answers} is. */
  static ByType<String> sparkStatements(List<TypeSql<?>> types) {
    ByType<String> table = new ByType<>("the Spark baseline", ADD_TO_TYPES);
    types.forEach(type -> type.sparkIn(table));
    return table.complete();
  }

  private void answerIn(ByType<QueryResult> table, QueryEngine engine) {
    table.on(requestClass, request -> answer.apply(engine, request));
  }

  private void sparkIn(ByType<String> table) {
    if (spark == null) {
      table.without(QueryType.of(requestClass));
    } else {
      table.on(requestClass, spark);
    }
  }
}
