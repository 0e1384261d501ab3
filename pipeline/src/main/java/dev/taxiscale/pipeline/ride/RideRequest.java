package dev.taxiscale.pipeline.ride;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.ValidationException;
import java.time.LocalDateTime;

/**
 * What a rider asks in one go: cabs near the pickup, the fare to the destination and the demand
 * around the pickup; {@link RidePart} turns it into the queries that answer it.
 *
 * @param pickup where the rider stands, in the service area
 * @param destination where the rider goes, or {@code null}; only the fare part reads it, so a
 *     destination the fare cannot use fails that part alone
 * @param time the local time of the request
 */
public record RideRequest(GeoPoint pickup, Position destination, LocalDateTime time) {
  /** The {@code type} of a ride request on HTTP and Kafka. */
  public static final String TYPE = "ride-request";

  public RideRequest {
    if (pickup == null) {
      throw new ValidationException("pickup", "is required: {\"lon\": .., \"lat\": ..}");
    }
    if (time == null) {
      throw new ValidationException("time", "is required: a local date-time");
    }
    try {
      RidePart.demandWindow(time);
    } catch (ValidationException e) {
      throw new ValidationException("time", e.reason());
    }
  }

  /** A longitude and latitude not yet checked against the service area. */
  public record Position(double lon, double lat) {
    /** The position as a point of the service area; fails naming {@code field}. */
    GeoPoint toGeoPoint(String field) {
      try {
        return new GeoPoint(lon, lat);
      } catch (ValidationException e) {
        throw e.under(field);
      }
    }
  }
}
