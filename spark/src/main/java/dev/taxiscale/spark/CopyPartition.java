package dev.taxiscale.spark;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.Tables;
import dev.taxiscale.store.TripCopyWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.Function2;

/**
 * Writes one partition's kept trips (partitioned like the line results it came from) with the
 * store's COPY writer, in one connection and one transaction, and returns the number of rows
 * stored.
 *
 * <p>The transaction first deletes the partition's id range, so a task that Spark runs again after
 * it had already committed (a lost executor, speculation) replaces its rows instead of failing on
 * the primary key.
 */
final class CopyPartition implements Function2<Integer, Iterator<Trip>, Iterator<Long>> {
  private static final long serialVersionUID = 1L;
  private static final String DELETE_RANGE =
      "DELETE FROM " + Tables.TRIPS + " WHERE id BETWEEN ? AND ?";

  private final JdbcTarget target;
  private final int fileId;
  private final Map<Integer, PartitionSummary> summaries;

  CopyPartition(JdbcTarget target, int fileId, List<PartitionSummary> summaries) {
    this.target = target;
    this.fileId = fileId;
    this.summaries =
        summaries.stream()
            .collect(Collectors.toMap(PartitionSummary::partition, Function.identity()));
  }

  @Override
  public Iterator<Long> call(Integer partition, Iterator<Trip> trips) throws SQLException {
    PartitionSummary summary = summaries.get(partition);
    if (summary == null || summary.kept() == 0) {
      return List.of(0L).iterator();
    }
    try (Connection connection = target.connect()) {
      deleteRange(connection, summary);
      long written = TripCopyWriter.copy(connection, trips);
      connection.commit();
      return List.of(written).iterator();
    }
  }

  private void deleteRange(Connection connection, PartitionSummary summary) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(DELETE_RANGE)) {
      delete.setLong(1, Trip.idOf(fileId, summary.firstLine()));
      delete.setLong(2, Trip.idOf(fileId, summary.lastLine()));
      delete.executeUpdate();
    }
  }
}
