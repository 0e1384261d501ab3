package dev.taxiscale.spark;

import dev.taxiscale.store.TripColumns;
import dev.taxiscale.store.TripCopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function2;

/**
 * Loads one partition: streams its kept trips into the store's COPY writer over one connection in
 * one transaction while counting the rest, and returns the partition's {@link PartitionSummary}.
 *
 * <p>A partition without kept trips opens no connection. A failed task rolls back, so Spark's retry
 * starts clean.
 */
final class CopyPartition
    implements Function2<Integer, Iterator<LineResult>, Iterator<PartitionSummary>> {
  private static final long serialVersionUID = 1L;

  private final JdbcTarget target;
  private final String table;
  private final TripColumns columns;
  private final int samplesPerReason;

  CopyPartition(JdbcTarget target, String table, TripColumns columns, int samplesPerReason) {
    this.target = target;
    this.table = table;
    this.columns = columns;
    this.samplesPerReason = samplesPerReason;
  }

  @Override
  public Iterator<PartitionSummary> call(Integer partition, Iterator<LineResult> results)
      throws SQLException {
    PartitionTally tally = new PartitionTally(results, samplesPerReason);
    long written = 0;
    if (tally.hasNext()) {
      try (Connection connection = target.connect()) {
        written = TripCopyWriter.copy(connection, table, columns, tally);
        connection.commit();
      }
    }
    return List.of(tally.summary(partition, written)).iterator();
  }
}
