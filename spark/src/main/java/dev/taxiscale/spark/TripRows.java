package dev.taxiscale.spark;

import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.trip.Trip;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet shape of a trip: the table's columns, named as there (without the projected points
 * and the precision, which are derived from the others), plus the {@code pickup_date} partition
 * column.
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
          .add("pickup_zone", DataTypes.ShortType)
          .add("dropoff_zone", DataTypes.ShortType)
          // the high-volume for-hire fields (migration V10), null for trips of other sources
          .add("tips", DataTypes.FloatType)
          .add("driver_pay", DataTypes.FloatType)
          .add("request_ts", DataTypes.TimestampNTZType)
          .add("on_scene_ts", DataTypes.TimestampNTZType)
          .add("shared_request", DataTypes.BooleanType)
          .add("shared_match", DataTypes.BooleanType)
          .add("access_a_ride", DataTypes.BooleanType)
          .add("wav_request", DataTypes.BooleanType)
          .add("wav_match", DataTypes.BooleanType)
          .add(PICKUP_DATE, DataTypes.DateType, false);

  /** What a trip without high-volume fields stores in them. */
  private static final HighVolume NONE =
      new HighVolume(Double.NaN, Double.NaN, null, null, null, null, null, null, null);

  private TripRows() {}

  /** Absent values ({@code NaN} or null in the trip) become SQL nulls, as in the table. */
  static Row toRow(Trip trip) {
    HighVolume high = trip.highVolume() == null ? NONE : trip.highVolume();
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
        asShort(trip.passengers()),
        asFloat(trip.distanceMiles()),
        asFloat(trip.fare()),
        asFloat(trip.total()),
        trip.payment(),
        asShort(trip.rateCode()),
        asShort(trip.pickupZone()),
        asShort(trip.dropoffZone()),
        asFloat(high.tips()),
        asFloat(high.driverPay()),
        high.requestAt(),
        high.onSceneAt(),
        high.sharedRequest(),
        high.sharedMatch(),
        high.accessARide(),
        high.wavRequest(),
        high.wavMatch(),
        trip.pickupAt().toLocalDate());
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static Short asShort(Integer value) {
    return value == null ? null : value.shortValue();
  }

  private static Float asFloat(double value) {
    return Double.isNaN(value) ? null : (float) value;
  }
}
