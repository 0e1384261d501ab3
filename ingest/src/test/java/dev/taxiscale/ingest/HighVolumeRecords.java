package dev.taxiscale.ingest;

import static dev.taxiscale.testkit.StoredHighVolume.amount;
import static dev.taxiscale.testkit.StoredHighVolume.flag;

import dev.taxiscale.core.trip.HighVolume;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * The high-volume for-hire fields of a generated FHVHV file by row number, read by parquet-java's
 * record assembly rather than the engine's column readers, so a test compares two readings.
 */
final class HighVolumeRecords {
  private HighVolumeRecords() {}

  static Map<Long, HighVolume> read(Path file) throws IOException {
    Map<Long, HighVolume> rows = new HashMap<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            new LocalInputFile(file), HadoopFreeReadOptions.with(new ParquetCodecs()))) {
      MessageType schema = reader.getFileMetaData().getSchema();
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      long row = 0;
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.put(++row, fields(records.read()));
        }
      }
    }
    return rows;
  }

  private static HighVolume fields(Group g) {
    return new HighVolume(
        has(g, "tips") ? amount(g.getDouble("tips", 0)) : Double.NaN,
        has(g, "driver_pay") ? amount(g.getDouble("driver_pay", 0)) : Double.NaN,
        time(g, "request_datetime"),
        time(g, "on_scene_datetime"),
        text(g, "shared_request_flag"),
        text(g, "shared_match_flag"),
        text(g, "access_a_ride_flag"),
        text(g, "wav_request_flag"),
        text(g, "wav_match_flag"));
  }

  private static boolean has(Group g, String name) {
    return g.getFieldRepetitionCount(name) > 0;
  }

  /** TIMESTAMP(MICROS, not adjusted to UTC): the wall clock as written. */
  private static LocalDateTime time(Group g, String name) {
    return has(g, name)
        ? LocalDateTime.ofEpochSecond(
            Math.floorDiv(g.getLong(name, 0), 1_000_000L), 0, ZoneOffset.UTC)
        : null;
  }

  private static Boolean text(Group g, String name) {
    return has(g, name) ? flag(g.getString(name, 0)) : null;
  }
}
