package dev.taxiscale.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes small Parquet files with the type drift of real TLC files: records as maps from column
 * name to a value of the column's Java type ({@code Long}, {@code Integer}, {@code Float}, {@code
 * Double}, {@code String} or {@link NanoTime}); a missing name is a null.
 */
final class DriftFiles {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private DriftFiles() {}

  static Path write(Path file, MessageType schema, List<Map<String, Object>> records)
      throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> out =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withType(schema)
            .build()) {
      for (Map<String, Object> record : records) {
        Group group = groups.newGroup();
        record.forEach((name, value) -> add(group, name, value));
        out.write(group);
      }
    }
    return file;
  }

  private static void add(Group group, String name, Object value) {
    if (value instanceof Long l) {
      group.add(name, l);
    } else if (value instanceof Integer i) {
      group.add(name, i);
    } else if (value instanceof Float f) {
      group.add(name, f);
    } else if (value instanceof Double d) {
      group.add(name, d);
    } else if (value instanceof NanoTime t) {
      group.add(name, t);
    } else {
      group.add(name, value.toString());
    }
  }

  /** NYC wall-clock time as TIMESTAMP(MICROS, not adjusted to UTC) stores it. */
  static long wallClockMicros(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  }

  /** NYC wall-clock time as an instant in UTC milliseconds (TIMESTAMP(MILLIS, adjusted)). */
  static long instantMillis(LocalDateTime time) {
    return time.atZone(NEW_YORK).toInstant().toEpochMilli();
  }

  /** NYC wall-clock time as Spark and Impala's legacy INT96: a UTC Julian day and nanos. */
  static NanoTime int96(LocalDateTime time) {
    LocalDateTime utc = time.atZone(NEW_YORK).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    int julianDay = (int) utc.toLocalDate().getLong(JulianFields.JULIAN_DAY);
    return new NanoTime(julianDay, utc.toLocalTime().toNanoOfDay());
  }
}
