package dev.taxiscale.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One statement as the engine sent it: the SQL text and its bound values, arrays kept as their
 * element type and elements so they can be bound again on another connection.
 */
record RecordedStatement(String sql, Map<Integer, Object> values) {

  /** An array bound with {@code setArray}, as given to {@code createArrayOf}. */
  record ArrayValue(String type, List<Object> elements) {}

  /** A value bound with {@code setNull}. */
  record NullValue(int sqlType) {}

  RecordedStatement {
    values = Map.copyOf(values);
  }

  /** Runs the statement and reads every row, touching each column once. */
  long replay(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Map.Entry<Integer, Object> value : values.entrySet()) {
        if (value.getValue() instanceof ArrayValue array) {
          statement.setArray(
              value.getKey(), connection.createArrayOf(array.type(), array.elements().toArray()));
        } else if (value.getValue() instanceof NullValue none) {
          statement.setNull(value.getKey(), none.sqlType());
        } else {
          statement.setObject(value.getKey(), value.getValue());
        }
      }
      long rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int c = 1; c <= columns; c++) {
            rs.getObject(c);
          }
          rows++;
        }
      }
      return rows;
    }
  }
}
