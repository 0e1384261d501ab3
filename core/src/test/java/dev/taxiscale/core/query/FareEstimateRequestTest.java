package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FareEstimateRequestTest {

  private static final String PENN_TO_JFK =
      "{\"type\":\"fare\",\"from\":{\"lon\":-73.9935,\"lat\":40.7506},"
          + "\"to\":{\"lon\":-73.7781,\"lat\":40.6413},\"time\":\"2015-01-15T08:30:00\"";

  @Test
  void shouldWidenFromTheDefaultToTheMaximumWhenNoRadiusIsGiven() {
    FareEstimateRequest request = (FareEstimateRequest) QueryJson.readRequest(PENN_TO_JFK + "}");

    assertThat(request.radiusMeters()).isNull();
    assertThat(request.radius()).isEqualTo(FareEstimateRequest.DEFAULT_RADIUS_M);
    assertThat(request.radii()).first().isEqualTo(FareEstimateRequest.DEFAULT_RADIUS_M);
    assertThat(request.radii()).last().isEqualTo(FareEstimateRequest.MAX_RADIUS_M);
    assertThat(request.radii()).isSorted();
  }

  @Test
  void shouldKeepAGivenRadiusAloneAndAcrossTheWire() {
    FareEstimateRequest request =
        (FareEstimateRequest) QueryJson.readRequest(PENN_TO_JFK + ",\"radiusMeters\":300}");

    assertThat(request.radii()).containsExactly(300.0);
    assertThat(QueryJson.readRequest(QueryJson.writeBytes(request))).isEqualTo(request);
    FareEstimateRequest widening =
        FareEstimateRequest.between(
            request.from(), request.to(), LocalDateTime.of(2015, 1, 15, 8, 30));
    assertThat(QueryJson.readRequest(QueryJson.writeBytes(widening))).isEqualTo(widening);
  }

  @Test
  void shouldNameARadiusBeyondTheMaximum() {
    assertThatThrownBy(() -> QueryJson.readRequest(PENN_TO_JFK + ",\"radiusMeters\":2500}"))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", "radiusMeters")
        .hasMessageContaining("[50, 2000]");
  }

  @Test
  void shouldNameAMinSampleOutsideItsRange() {
    assertThatThrownBy(() -> QueryJson.readRequest(PENN_TO_JFK + ",\"minSample\":1}"))
        .isInstanceOf(ValidationException.class)
        .hasFieldOrPropertyWithValue("field", "minSample")
        .hasMessageContaining("[5, 1000]");
  }
}
