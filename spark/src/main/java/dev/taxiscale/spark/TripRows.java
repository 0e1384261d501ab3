package dev.taxiscale.spark;

import dev.taxiscale.core.trip.Trip;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet shape of a trip: the table's columns (without the projected points, which are
 * derived) plus the {@code pickup_date} partition column.
 */
final class TripRows {
  static final String PICKUP_DATE = "pickup_date";
  static final String FILE_ID = "file_id";

  /** Wall-clock times stay zone-free ({@code timestamp_ntz}), as in the files and the table. */
  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType, false)
          .add(FILE_ID, DataTypes.IntegerType, false)
          .add("source", DataTypes.StringType, false)
          .add("vendor", DataTypes.StringType)
          .add("pickup_ts", DataTypes.TimestampNTZType, false)
          .add("dropoff_ts", DataTypes.TimestampNTZType)
          .add("pickup_lon", DataTypes.DoubleType, false)
          .add("pickup_lat", DataTypes.DoubleType, false)
          .add("dropoff_lon", DataTypes.DoubleType)
          .add("dropoff_lat", DataTypes.DoubleType)
          .add("passengers", DataTypes.ShortType)
          .add("distance_mi", DataTypes.FloatType)
          .add("fare", DataTypes.FloatType)
          .add("total", DataTypes.FloatType)
          .add("payment", DataTypes.StringType)
          .add("rate_code", DataTypes.ShortType)
          .add(PICKUP_DATE, DataTypes.DateType, false);

  private TripRows() {}

  /** Absent values ({@code NaN} or null in the trip) become SQL nulls, as in the table. */
  static Row toRow(Trip trip) {
    return RowFactory.create(
        trip.id(),
        trip.fileId(),
        trip.source().code(),
        trip.vendor(),
        trip.pickupAt(),
        trip.dropoffAt(),
        trip.pickupLon(),
        trip.pickupLat(),
        orNull(trip.dropoffLon()),
        orNull(trip.dropoffLat()),
        trip.passengers() == null ? null : trip.passengers().shortValue(),
        asFloat(trip.distanceMiles()),
        asFloat(trip.fare()),
        asFloat(trip.total()),
        trip.payment(),
        trip.rateCode() == null ? null : trip.rateCode().shortValue(),
        trip.pickupAt().toLocalDate());
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static Float asFloat(double value) {
    return Double.isNaN(value) ? null : (float) value;
  }
}
