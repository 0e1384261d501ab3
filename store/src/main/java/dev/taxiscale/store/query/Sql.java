package dev.taxiscale.store.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement assembled from constant fragments, every value bound as a parameter: request values
 * never become SQL text.
 */
final class Sql {

  private final StringBuilder text = new StringBuilder(256);
  private final List<Object> values = new ArrayList<>();

  /** Appends a constant fragment whose {@code ?} placeholders take {@code fragmentValues}. */
  Sql add(String fragment, Object... fragmentValues) {
    long placeholders = fragment.chars().filter(ch -> ch == '?').count();
    if (placeholders != fragmentValues.length) {
      throw new IllegalArgumentException(
          placeholders + " placeholders but " + fragmentValues.length + " values: " + fragment);
    }
    text.append(fragment);
    values.addAll(List.of(fragmentValues));
    return this;
  }

  /** Appends everything of another statement, text and values. */
  Sql add(Sql other) {
    text.append(other.text);
    values.addAll(other.values);
    return this;
  }

  String text() {
    return text.toString();
  }

  List<Object> values() {
    return List.copyOf(values);
  }

  /** Prepares the statement and binds the values; text arrays become {@code text[]}. */
  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(text.toString());
    try {
      for (int i = 0; i < values.size(); i++) {
        bind(connection, statement, i + 1, values.get(i));
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, int index, Object v)
      throws SQLException {
    if (v instanceof String[] texts) {
      statement.setArray(index, connection.createArrayOf("text", texts));
    } else if (v instanceof Integer[] ints) {
      statement.setArray(index, connection.createArrayOf("integer", ints));
    } else {
      statement.setObject(index, v);
    }
  }

  @Override
  public String toString() {
    return text + " " + values;
  }
}
