package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The zone queries travel as JSON like the others, and name the field a bad zone id is in. */
class ZoneRequestsTest {
  private static final int MIDTOWN_CENTER = 161;
  private static final int JFK_AIRPORT = 132;
  private static final LocalDateTime FRIDAY_EVENING = LocalDateTime.of(2024, 1, 12, 18, 0);
  private static final TimeWindow ONE_DAY =
      new TimeWindow(FRIDAY_EVENING, FRIDAY_EVENING.plusDays(1));

  @Test
  void shouldRoundTripAZoneHeatmapRequest() {
    QueryRequest request =
        new ZoneHeatmapRequest(ONE_DAY, "Manhattan", Set.of(MIDTOWN_CENTER, 230), null);

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripAZoneFareRequest() {
    QueryRequest request =
        new ZoneFareRequest(MIDTOWN_CENTER, JFK_AIRPORT, FRIDAY_EVENING, 30, true, null, 10);

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldRoundTripAZoneRideSearchWithACursor() {
    QueryRequest request =
        ZoneRideSearchRequest.between(null, JFK_AIRPORT, ONE_DAY, 20)
            .after(new PageCursor(FRIDAY_EVENING.plusMinutes(5), 7));

    assertThat(QueryJson.readRequest(QueryJson.write(request))).isEqualTo(request);
  }

  @Test
  void shouldNameTheZoneFieldThatIsOutOfRange() {
    assertThatThrownBy(
            () -> QueryJson.readRequest("{\"type\":\"zone-fare\",\"fromZone\":161,\"toZone\":0}"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("toZone"));
  }

  @Test
  void shouldAskForAZoneWhenARideSearchHasNone() {
    assertThatThrownBy(() -> ZoneRideSearchRequest.between(null, null, ONE_DAY, 20))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("pickupZone"));
  }

  @Test
  void shouldRefuseAToleranceWithoutATime() {
    assertThatThrownBy(
            () -> new ZoneFareRequest(MIDTOWN_CENTER, JFK_AIRPORT, null, 30, null, null, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("toleranceMinutes"));
  }

  @Test
  void shouldReadTheZoneHeatmapInWholeHours() {
    ZoneHeatmapRequest request =
        ZoneHeatmapRequest.citywide(
            new TimeWindow(FRIDAY_EVENING.plusMinutes(30), FRIDAY_EVENING.plusMinutes(90)));

    assertThat(request.endHour() - request.firstHour()).isEqualTo(2);
  }
}
