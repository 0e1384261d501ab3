package dev.taxiscale.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * Which of a Parquet file's columns are TIMESTAMP(NANOS), read from its footer: Spark hands their
 * values over as plain INT64 counts, indistinguishable in its schema from a column of numbers.
 *
 * @param adjustedToUtc per column name, whether its times are instants (else wall clock)
 */
record NanosTimes(Map<String, Boolean> adjustedToUtc) implements Serializable {
  NanosTimes {
    adjustedToUtc = Map.copyOf(adjustedToUtc);
  }

  static NanosTimes of(SparkInputs.HadoopPath path, Configuration base) {
    Configuration conf = new Configuration(base);
    path.settings().forEach(conf::set);
    Map<String, Boolean> nanos = new HashMap<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(path.uri()), conf))) {
      List<Type> fields = reader.getFileMetaData().getSchema().getFields();
      for (Type field : fields) {
        if (field.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation time
            && time.getUnit() == LogicalTypeAnnotation.TimeUnit.NANOS) {
          nanos.put(field.getName(), time.isAdjustedToUTC());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path.uri() + ": unreadable Parquet footer", e);
    }
    return new NanosTimes(nanos);
  }

  /** Whether the column holds TIMESTAMP(NANOS) counts. */
  boolean isNanos(String column) {
    return adjustedToUtc.containsKey(column);
  }

  boolean adjusted(String column) {
    return adjustedToUtc.getOrDefault(column, false);
  }
}
