package dev.taxiscale.pipeline.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryType;
import dev.taxiscale.pipeline.Problem;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.ride.RideRequestJson;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  @Test
  void shouldSendRequestsOfEveryTypeAsManyTimesAsPlannedMostOfThemValid() {
    Map<String, Integer> valid = new ConcurrentHashMap<>();
    AtomicInteger refused = new AtomicInteger();
    WarmUp.Plan plan = new WarmUp.Plan(100, 3, Duration.ofMinutes(1));

    WarmUp.Report report =
        WarmUp.overHandler(
            json -> {
              try {
                String type =
                    RideRequestJson.isRideRequest(json)
                        ? RideRequestJson.read(json).getClass().getSimpleName()
                        : QueryJson.readRequest(json).type();
                valid.merge(type, 1, Integer::sum);
                return Reply.of(Problem.timeout("not answered in this test"));
              } catch (RuntimeException e) {
                refused.incrementAndGet();
                return Reply.of(Problem.invalid("body", "refused in this test"));
              }
            },
            plan);

    assertThat(report.failed()).isZero();
    assertThat(report.answered()).isEqualTo(100L * SyntheticRequests.TYPES.size());
    assertThat(valid)
        .containsOnlyKeys(
            Stream.concat(QueryType.names().stream(), Stream.of("RideRequest")).toList())
        .allSatisfy((type, n) -> assertThat(n).as(type).isBetween(60, 99));
    assertThat(refused.get() + valid.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(100 * SyntheticRequests.TYPES.size());
  }

  @Test
  void shouldStopAskingTypesWhoseDataIsNotLoaded() {
    Map<String, Integer> asked = new ConcurrentHashMap<>();
    WarmUp.Plan plan = new WarmUp.Plan(25, 3, Duration.ofMinutes(1));
    Set<String> zoneTypes = Set.of("zone-heatmap", "zone-fare", "zone-rides");

    WarmUp.Report report =
        WarmUp.overHandler(
            json -> {
              String type;
              try {
                type =
                    RideRequestJson.isRideRequest(json)
                        ? "ride"
                        : QueryJson.readRequest(json).type();
              } catch (RuntimeException e) {
                // a request sent trimmed or broken: refused before any data is read
                return Reply.of(Problem.invalid("body", "refused in this test"));
              }
              asked.merge(type, 1, Integer::sum);
              return zoneTypes.contains(type)
                  ? Reply.of(Problem.missingData("zones", "no taxi zones loaded"))
                  : Reply.of(Problem.timeout("not answered in this test"));
            },
            plan);

    assertThat(report.skipped()).containsExactlyInAnyOrderElementsOf(zoneTypes);
    assertThat(report.toString()).contains("stopped asking zone-fare, zone-heatmap, zone-rides");
    // each of the three senders learns it at most once before the others have
    zoneTypes.forEach(type -> assertThat(asked.get(type)).as(type).isBetween(1, 3));
    // the other types go on being asked to the end, most of them valid
    assertThat(asked).hasEntrySatisfying("nearby", n -> assertThat(n).isBetween(13, 25));
    assertThat(asked).hasEntrySatisfying("fare", n -> assertThat(n).isBetween(13, 25));
    assertThat(asked).hasEntrySatisfying("ride", n -> assertThat(n).isBetween(13, 25));
  }

  @Test
  void shouldStopWhenTheBudgetIsSpent() {
    WarmUp.Plan plan = new WarmUp.Plan(1_000, 1, Duration.ZERO);

    WarmUp.Report report = WarmUp.overHandler(json -> Reply.of(Problem.timeout("unused")), plan);

    assertThat(report.answered()).isZero();
  }
}
