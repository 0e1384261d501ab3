package dev.taxiscale.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.GeoPoint;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.testkit.QueryExamples;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AreaKeyTest {
  private static final LocalDateTime JANUARY_EVENING = LocalDateTime.of(2014, 1, 9, 21, 0);
  private static final GeoPoint TIMES_SQUARE = new GeoPoint(-73.9855, 40.7580);
  private static final GeoPoint A_BLOCK_FROM_TIMES_SQUARE = new GeoPoint(-73.9850, 40.7583);
  private static final GeoPoint JFK = new GeoPoint(-73.7822, 40.6442);

  @Test
  void shouldGiveRequestsAFewStepsApartTheSameKey() {
    assertThat(AreaKey.of(NearbyCabsRequest.nearest(TIMES_SQUARE, JANUARY_EVENING, 5)))
        .isEqualTo(
            AreaKey.of(NearbyCabsRequest.nearest(A_BLOCK_FROM_TIMES_SQUARE, JANUARY_EVENING, 5)));
  }

  @Test
  void shouldGiveRequestsAcrossTownDifferentKeys() {
    assertThat(AreaKey.of(NearbyCabsRequest.nearest(TIMES_SQUARE, JANUARY_EVENING, 5)))
        .isNotEqualTo(AreaKey.of(NearbyCabsRequest.nearest(JFK, JANUARY_EVENING, 5)));
  }

  @Test
  void shouldGiveEveryQueryTypeAKey() {
    for (QueryType type : QueryType.values()) {
      assertThat(RequestKey.IN_USE.of(QueryExamples.of(type))).as(type.wireName()).isNotBlank();
    }
  }
}
