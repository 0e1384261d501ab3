package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class QueryJsonRejectsTest {

  private static final String NEARBY_PREFIX =
      "{\"type\":\"nearby\",\"time\":\"2015-01-15T08:30:00\",";
  private static final String RIDES_WINDOW =
      "\"window\":{\"from\":\"2015-01-15T08:00:00\",\"to\":\"2015-01-15T09:00:00\"}";
  private static final String MIDTOWN_BOX =
      "{\"west\":-74.00,\"south\":40.74,\"east\":-73.97,\"north\":40.76}";

  private static AbstractThrowableAssert<?, ? extends Throwable> reading(String json) {
    return assertThatThrownBy(() -> QueryJson.readRequest(json))
        .isInstanceOf(ValidationException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> nearby(String fields) {
    return reading(NEARBY_PREFIX + fields + "}");
  }

  @Test
  void latitudeBeyondTheGlobeNamesTheFieldAndRange() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":95}")
        .hasFieldOrPropertyWithValue("field", "point.lat")
        .hasMessageContaining("[-90, 90]");
  }

  @Test
  void aPointOutsideNewYorkIsRejectedWithTheServiceArea() {
    nearby("\"point\":{\"lon\":-118.24,\"lat\":34.05}")
        .hasFieldOrPropertyWithValue("field", "point.lon")
        .hasMessageContaining("[-74.3, -73.65]");
  }

  @Test
  void aNumberInAStringIsNotANumber() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":\"40.75\"}")
        .hasFieldOrPropertyWithValue("field", "point.lat")
        .hasMessageContaining("must be a number");
  }

  @Test
  void aMissingLatitudeIsRequired() {
    nearby("\"point\":{\"lon\":-73.98}")
        .hasFieldOrPropertyWithValue("field", "point.lat")
        .hasMessageContaining("is required");
  }

  @Test
  void aHugeKNamesTheAllowedRange() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":40.75},\"k\":100000")
        .hasFieldOrPropertyWithValue("field", "k")
        .hasMessageContaining("[1, 100]");
  }

  @Test
  void aFractionalKIsRejected() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":40.75},\"k\":2.5")
        .hasFieldOrPropertyWithValue("field", "k")
        .hasMessageContaining("integer");
  }

  @Test
  void anUnknownSourceListsTheAllowedOnes() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":40.75},\"sources\":[\"yellow\",\"limo\"]")
        .hasFieldOrPropertyWithValue("field", "sources[1]")
        .hasMessageContaining("[yellow, green, fhv]");
  }

  @Test
  void sqlInASourceIsJustAnUnknownSource() {
    nearby(
            "\"point\":{\"lon\":-73.98,\"lat\":40.75},\"sources\":[\"yellow'; DROP TABLE trips; --\"]")
        .hasFieldOrPropertyWithValue("field", "sources[0]");
  }

  @Test
  void anUnknownFieldIsNamed() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":40.75},\"radius\":300")
        .hasFieldOrPropertyWithValue("field", "radius")
        .hasMessageContaining("radiusMeters");
  }

  @Test
  void anUnknownTypeListsTheKnownOnes() {
    reading("{\"type\":\"teleport\"}")
        .hasFieldOrPropertyWithValue("field", "type")
        .hasMessageContaining("nearby, rides, heatmap, fare");
  }

  @Test
  void aMissingTypeIsRequired() {
    reading("{\"k\":3}").hasFieldOrPropertyWithValue("field", "type");
  }

  @Test
  void brokenJsonIsABodyError() {
    reading("{\"type\":\"nearby\",").hasFieldOrPropertyWithValue("field", "body");
  }

  @Test
  void anInvertedWindowNamesTheEnd() {
    reading(
            "{\"type\":\"rides\",\"pickupBox\":"
                + MIDTOWN_BOX
                + ",\"window\":{\"from\":\"2015-01-15T09:00:00\",\"to\":\"2015-01-15T08:00:00\"}}")
        .hasFieldOrPropertyWithValue("field", "window.to")
        .hasMessageContaining("must be after from");
  }

  @Test
  void aBadTimestampShowsTheExpectedForm() {
    nearby("\"point\":{\"lon\":-73.98,\"lat\":40.75},\"time\":\"yesterday\"")
        .hasFieldOrPropertyWithValue("field", "time");
  }

  @Test
  void aBoxSpanningTheStateIsOutsideTheServiceArea() {
    reading(
            "{\"type\":\"rides\",\"pickupBox\":{\"west\":-79.76,\"south\":40.49,\"east\":-71.85,\"north\":45.01},"
                + RIDES_WINDOW
                + "}")
        .hasFieldOrPropertyWithValue("field", "pickupBox.west");
  }

  @Test
  void aPageSizeOverTheLimitNamesTheLimit() {
    reading(
            "{\"type\":\"rides\",\"pickupBox\":"
                + MIDTOWN_BOX
                + ","
                + RIDES_WINDOW
                + ",\"pageSize\":5000}")
        .hasFieldOrPropertyWithValue("field", "pageSize")
        .hasMessageContaining("[1, 1000]");
  }

  @Test
  void aForgedCursorIsRejected() {
    reading(
            "{\"type\":\"rides\",\"pickupBox\":"
                + MIDTOWN_BOX
                + ","
                + RIDES_WINDOW
                + ",\"cursor\":\"1 OR 1=1\"}")
        .hasFieldOrPropertyWithValue("field", "cursor");
  }

  @Test
  void aWeekLongHeatmapAtFineResolutionIsTooManyCells() {
    reading(
            "{\"type\":\"heatmap\",\"box\":{\"west\":-74.25,\"south\":40.50,\"east\":-73.70,\"north\":40.90},"
                + "\"window\":{\"from\":\"2015-01-01T00:00:00\",\"to\":\"2015-01-08T00:00:00\"},\"resolution\":10}")
        .hasFieldOrPropertyWithValue("field", "box");
  }
}
