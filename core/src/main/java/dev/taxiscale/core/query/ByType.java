package dev.taxiscale.core.query;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one place does for each query type, typed by request record, looked up by a request's type.
 * {@link #complete()} refuses a table that neither handles a registered type nor says it has none,
 * naming the type and the table: so a new {@link QueryType} fails where it is first used, not in
 * production.
 *
 * @param <T> what a handler answers
 */
public final class ByType<T> {
  private final String owner;
  private final String remedy;
  private final Map<QueryType, Function<QueryRequest, ? extends T>> handlers =
      new EnumMap<>(QueryType.class);
  private final Set<QueryType> without = EnumSet.noneOf(QueryType.class);

  /** An empty table; {@code owner} names it in the messages. */
  public ByType(String owner) {
    this(owner, "handle it with on(...) or declare without(...)");
  }

  /**
   * An empty table filled elsewhere: {@code remedy} says, in the message for a type it lacks, the
   * exact place a line for that type goes.
   */
  public ByType(String owner, String remedy) {
    this.owner = owner;
    this.remedy = remedy;
  }

  /** Handles requests of {@code requestClass} with {@code handler}. */
  public <Q extends QueryRequest> ByType<T> on(
      Class<Q> requestClass, Function<? super Q, ? extends T> handler) {
    QueryType type = QueryType.of(requestClass);
    handlers.put(type, request -> handler.apply(requestClass.cast(request)));
    return this;
  }

  /** Says that this place has nothing for {@code type}: {@link #find} answers empty for it. */
  public ByType<T> without(QueryType type) {
    without.add(type);
    return this;
  }

  /** The registered types this table neither handles nor declares it has none for. */
  public Set<QueryType> missing() {
    Set<QueryType> missing = EnumSet.allOf(QueryType.class);
    missing.removeAll(handlers.keySet());
    missing.removeAll(without);
    return missing;
  }

  /**
   * This table, once it covers every registered type.
   *
   * @throws IllegalStateException naming the types it lacks
   */
  public ByType<T> complete() {
    Set<QueryType> missing = missing();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          owner
              + " has nothing for query type "
              + missing.stream().map(QueryType::wireName).collect(Collectors.joining(", "))
              + ": "
              + remedy);
    }
    return this;
  }

  /** What the handler for the request's type answers; empty for a type declared without. */
  public Optional<T> find(QueryRequest request) {
    Function<QueryRequest, ? extends T> handler = handlers.get(QueryType.of(request));
    return handler == null ? Optional.empty() : Optional.ofNullable(handler.apply(request));
  }

  /**
   * What the handler for the request's type answers.
   *
   * @throws IllegalArgumentException for a type this table has no handler for
   */
  public T apply(QueryRequest request) {
    Function<QueryRequest, ? extends T> handler = handlers.get(QueryType.of(request));
    if (handler == null) {
      throw new IllegalArgumentException(owner + " cannot answer a " + request.type() + " query");
    }
    return handler.apply(request);
  }
}
