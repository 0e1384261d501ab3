package dev.taxiscale.pipeline.ride;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * The JSON form of a {@link RideRequest}, read as strictly as the queries: {@code {"type":
 * "ride-request", "pickup": {"lon": .., "lat": ..}, "destination": {..}, "time": ".."}}.
 */
public final class RideRequestJson {
  private static final Set<String> FIELDS = Set.of("type", "pickup", "destination", "time");

  private RideRequestJson() {}

  /** Whether a request body names the ride-request type, without reading it further. */
  public static boolean isRideRequest(byte[] json) {
    // a cheap look before parsing, so the four plain queries pay nothing for the composite one
    String text = new String(json, StandardCharsets.UTF_8);
    return text.contains("\"" + RideRequest.TYPE + "\"");
  }

  /** Parses and validates a ride request from UTF-8 bytes. */
  public static RideRequest read(byte[] json) {
    try {
      return read(QueryJson.mapper().readTree(json));
    } catch (IOException e) {
      throw new ValidationException("body", "is not valid JSON: " + e.getMessage());
    }
  }

  /** Validates a parsed ride request; the type may be absent, as on its own HTTP path. */
  public static RideRequest read(JsonNode tree) {
    if (!(tree instanceof ObjectNode object)) {
      throw new ValidationException("body", "must be one JSON object");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new ValidationException(name, "is not a field; allowed: pickup, destination, time");
      }
    }
    JsonNode type = object.get("type");
    if (type != null && !RideRequest.TYPE.equals(type.asText())) {
      throw new ValidationException("type", "must be '" + RideRequest.TYPE + "'");
    }
    RideRequest.Position pickup = position(object, "pickup");
    GeoPoint pickupPoint = pickup == null ? null : pickup.toGeoPoint("pickup");
    return new RideRequest(pickupPoint, position(object, "destination"), time(object));
  }

  /** The request as JSON with its type, as it goes onto the requests topic. */
  public static byte[] write(RideRequest ride) {
    ObjectNode object = QueryJson.mapper().createObjectNode();
    object.put("type", RideRequest.TYPE);
    object.set("pickup", QueryJson.mapper().valueToTree(ride.pickup()));
    if (ride.destination() != null) {
      object.set("destination", QueryJson.mapper().valueToTree(ride.destination()));
    }
    object.put("time", ride.time().toString());
    return object.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static RideRequest.Position position(ObjectNode object, String field) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!(node instanceof ObjectNode point) || point.size() != 2) {
      throw new ValidationException(field, "must be {\"lon\": <number>, \"lat\": <number>}");
    }
    return new RideRequest.Position(number(point, field, "lon"), number(point, field, "lat"));
  }

  private static double number(ObjectNode point, String parent, String field) {
    JsonNode value = point.get(field);
    if (value == null || !value.isNumber()) {
      throw new ValidationException(parent + "." + field, "must be a number");
    }
    return value.doubleValue();
  }

  private static LocalDateTime time(ObjectNode object) {
    JsonNode node = object.get("time");
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return LocalDateTime.parse(node.textValue() == null ? "" : node.textValue());
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          "time", "must be a local date-time such as 2015-01-15T08:30:00, got " + node);
    }
  }
}
