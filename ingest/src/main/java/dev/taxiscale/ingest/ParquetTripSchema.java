package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.ValueRow;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema {@link ParquetTripWriter} writes for a layout, with the drift of real files as
 * options, and the conversion of one CSV row's texts into a record of it.
 */
public final class ParquetTripSchema {
  /** A column no layout reads, left all null as some real files leave theirs. */
  static final String ALL_NULL_COLUMN = "store_and_fwd_flag";

  /**
   * How to write.
   *
   * @param rowGroupBytes about this many bytes per row group, so small files can have several
   * @param timestampsAsText times as {@code YYYY-MM-DD HH:MM:SS} strings, as re-saved files have
   * @param codesAsDouble counts, codes and zone ids as DOUBLE, as some FHV years store them
   * @param timeUnit the unit of typed times: MICROS as the TLC writes them, NANOS as pandas does
   */
  public record Options(
      CompressionCodecName codec,
      int rowGroupBytes,
      boolean timestampsAsText,
      boolean codesAsDouble,
      LogicalTypeAnnotation.TimeUnit timeUnit) {
    public Options {
      if (codec == null || rowGroupBytes < 1024 || timeUnit == null) {
        throw new IllegalArgumentException(
            "a codec, a time unit and row groups of at least 1024 bytes");
      }
    }

    /** Typed times in microseconds, as the TLC writes them. */
    public Options(
        CompressionCodecName codec,
        int rowGroupBytes,
        boolean timestampsAsText,
        boolean codesAsDouble) {
      this(
          codec,
          rowGroupBytes,
          timestampsAsText,
          codesAsDouble,
          LogicalTypeAnnotation.TimeUnit.MICROS);
    }

    /** Typed times of this many units per second. */
    long unitsPerSecond() {
      return switch (timeUnit) {
        case MILLIS -> 1_000L;
        case MICROS -> 1_000_000L;
        case NANOS -> 1_000_000_000L;
      };
    }

    /** ZSTD, 128 MiB row groups, typed times and integer codes: what the TLC publishes. */
    public static Options published() {
      return new Options(CompressionCodecName.ZSTD, 128 << 20, false, false);
    }
  }

  /** As the TLC's CSV files write times; {@code LocalDateTime.toString} drops zero seconds. */
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ParquetLayout layout;
  private final Options options;
  private final MessageType type;
  private final List<Column> columns = new ArrayList<>();
  private final String[] names = new String[Column.COUNT];

  ParquetTripSchema(ParquetLayout layout, Options options) {
    this.layout = layout;
    this.options = options;
    List<Type> fields = new ArrayList<>();
    for (Column column : Column.values()) {
      String name = spelled(layout, layout.nameOf(column));
      if (name != null) {
        columns.add(column);
        names[column.ordinal()] = name;
        fields.add(field(column, name));
      }
    }
    fields.add(
        Types.optional(PrimitiveTypeName.BINARY)
            .as(LogicalTypeAnnotation.stringType())
            .named(ALL_NULL_COLUMN));
    for (String fee : UNREAD_FEES.getOrDefault(layout, List.of())) {
      fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named(fee));
    }
    this.type = new MessageType("schema", fields);
  }

  MessageType type() {
    return type;
  }

  /** Fills the record from one CSV row's texts; a text that does not convert stays null. */
  Group group(Group group, String[] texts) {
    ValueRow row = new ValueRow();
    for (Column column : columns) {
      String text = texts[column.ordinal()];
      // a blank flag is written as it is: the TLC leaves some so
      if (text == null || (text.isBlank() && kind(column) != Kind.FLAG)) {
        continue;
      }
      row.set(column, text);
      String name = names[column.ordinal()];
      try {
        switch (kind(column)) {
          case TIME -> {
            LocalDateTime time = row.optionalTimestamp(column);
            if (options.timestampsAsText()) {
              group.add(name, TEXT_TIME.format(time));
            } else {
              group.add(name, time.toEpochSecond(ZoneOffset.UTC) * options.unitsPerSecond());
            }
          }
          case CODE -> {
            long code = row.optionalInt(column);
            if (options.codesAsDouble()) {
              group.add(name, (double) code);
            } else {
              group.add(name, code);
            }
          }
          case NUMBER -> group.add(name, row.optionalNumber(column));
          case TEXT -> group.add(name, text.trim());
          case FLAG -> group.add(name, text);
        }
      } catch (RuntimeException garbled) {
        // left null: the CSV value was made unreadable, and a typed column cannot hold it
      }
    }
    return group;
  }

  private enum Kind {
    TIME,
    CODE,
    NUMBER,
    TEXT,
    /** {@code Y}, {@code N} or blank, as text. */
    FLAG
  }

  /** Vendor and payment stay text: 2009 and 2010 spell them {@code CMT} and {@code CASH}. */
  private static Kind kind(Column column) {
    return switch (column) {
      case PICKUP_AT, DROPOFF_AT, REQUEST_AT, ON_SCENE_AT -> Kind.TIME;
      case PASSENGERS, RATE_CODE, PICKUP_ZONE, DROPOFF_ZONE -> Kind.CODE;
      case VENDOR, PAYMENT -> Kind.TEXT;
      case SHARED_REQUEST, SHARED_MATCH, ACCESS_A_RIDE, WAV_REQUEST, WAV_MATCH -> Kind.FLAG;
      default -> Kind.NUMBER;
    };
  }

  /**
   * The TLC's mixed-case spelling where it has one (2009 and the zone layouts), which the reader
   * must match case-insensitively.
   */
  private static String spelled(ParquetLayout layout, String name) {
    if (name == null || layout == ParquetLayout.YELLOW_2010) {
      return name;
    }
    if (layout == ParquetLayout.FHV_ZONES && name.endsWith("locationid")) {
      // the FHV files of several years spell the zone columns so
      return name.substring(0, 2).toUpperCase(java.util.Locale.ROOT) + "locationID";
    }
    return MIXED_CASE.getOrDefault(name, name);
  }

  /** Columns of the zone layouts no trip field takes, written all null as far as they go. */
  private static final Map<ParquetLayout, List<String>> UNREAD_FEES =
      Map.of(
          ParquetLayout.YELLOW_ZONES, List.of("Airport_fee", "cbd_congestion_fee"),
          ParquetLayout.GREEN_ZONES, List.of("ehail_fee", "trip_type"),
          ParquetLayout.FHVHV_ZONES, List.of("tolls", "bcf", "sales_tax", "airport_fee"));

  private static final Map<String, String> MIXED_CASE =
      Map.of(
          "trip_pickup_datetime", "Trip_Pickup_DateTime",
          "trip_dropoff_datetime", "Trip_Dropoff_DateTime",
          "start_lon", "Start_Lon",
          "start_lat", "Start_Lat",
          "end_lon", "End_Lon",
          "end_lat", "End_Lat",
          "vendorid", "VendorID",
          "pulocationid", "PULocationID",
          "dolocationid", "DOLocationID",
          "ratecodeid", "RatecodeID");

  private Type field(Column column, String name) {
    return switch (kind(column)) {
      case TIME ->
          options.timestampsAsText()
              ? Types.optional(PrimitiveTypeName.BINARY)
                  .as(LogicalTypeAnnotation.stringType())
                  .named(name)
              : Types.optional(PrimitiveTypeName.INT64)
                  .as(LogicalTypeAnnotation.timestampType(false, options.timeUnit()))
                  .named(name);
      case CODE ->
          Types.optional(
                  options.codesAsDouble() ? PrimitiveTypeName.DOUBLE : PrimitiveTypeName.INT64)
              .named(name);
      case NUMBER -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
      case TEXT, FLAG ->
          Types.optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(name);
    };
  }
}
