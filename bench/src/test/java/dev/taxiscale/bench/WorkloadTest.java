package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.QueryRequest;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void theSameSeedGivesTheSameRequests() {
    for (String type : List.of("nearby", "rides", "heatmap", "fare")) {
      assertThat(take(new Workload(7).stream(type), 50))
          .isEqualTo(take(new Workload(7).stream(type), 50));
    }
  }

  @Test
  void requestsFallInTheGeneratedMonth() {
    List<QueryRequest> rides = take(new Workload(7).stream("rides"), 200);

    assertThat(rides)
        .allSatisfy(
            request ->
                assertThat(((dev.taxiscale.core.query.RideSearchRequest) request).window().from())
                    .isBetween(
                        BenchData.FIRST_DAY.atStartOfDay(),
                        BenchData.FIRST_DAY.plusDays(BenchData.DAYS).atStartOfDay()));
  }

  private static List<QueryRequest> take(Supplier<QueryRequest> requests, int count) {
    return Stream.generate(requests).limit(count).toList();
  }
}
