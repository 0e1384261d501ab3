package dev.taxiscale.pipeline.ride;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.query.ValidationException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RideRequestJsonTest {
  private static final String TIMES_SQUARE_TO_GRAND_CENTRAL =
      "{\"type\":\"ride-request\",\"pickup\":{\"lon\":-73.9855,\"lat\":40.758},"
          + "\"destination\":{\"lon\":-73.9772,\"lat\":40.7527},\"time\":\"2015-01-15T08:30\"}";

  @Test
  void shouldReadThePickupDestinationAndTime() {
    RideRequest ride = RideRequestJson.read(TIMES_SQUARE_TO_GRAND_CENTRAL.getBytes(UTF_8));

    assertThat(ride.pickup().lat()).isEqualTo(40.758);
    assertThat(ride.destination()).isEqualTo(new RideRequest.Position(-73.9772, 40.7527));
    assertThat(ride.time()).isEqualTo(LocalDateTime.of(2015, 1, 15, 8, 30));
  }

  @Test
  void shouldReadBackWhatItWrites() {
    RideRequest ride = RideRequestJson.read(TIMES_SQUARE_TO_GRAND_CENTRAL.getBytes(UTF_8));

    assertThat(RideRequestJson.read(RideRequestJson.write(ride))).isEqualTo(ride);
  }

  @Test
  void shouldNameThePickupFieldOutsideTheServiceArea() {
    String atTheNorthPole =
        "{\"pickup\":{\"lon\":-73.9855,\"lat\":89.9},\"time\":\"2015-01-15T08:30\"}";

    assertThatThrownBy(() -> RideRequestJson.read(atTheNorthPole.getBytes(UTF_8)))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("pickup.lat");
  }

  @Test
  void shouldRejectAFieldItDoesNotKnow() {
    String withRadius =
        "{\"pickup\":{\"lon\":-73.9855,\"lat\":40.758},\"time\":\"2015-01-15T08:30\",\"k\":3}";

    assertThatThrownBy(() -> RideRequestJson.read(withRadius.getBytes(UTF_8)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("k: is not a field");
  }

  @Test
  void shouldTellARideRequestFromAPlainQuery() {
    assertThat(RideRequestJson.isRideRequest(TIMES_SQUARE_TO_GRAND_CENTRAL.getBytes(UTF_8)))
        .isTrue();
    assertThat(RideRequestJson.isRideRequest("{\"type\":\"nearby\"}".getBytes(UTF_8))).isFalse();
  }
}
