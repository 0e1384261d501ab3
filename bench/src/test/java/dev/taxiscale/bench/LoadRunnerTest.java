package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.QueryRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {
  private static final List<QueryRequest> TWENTY =
      RequestSet.draw(RequestSetTest.MANHATTAN_JANUARY, 3, 20, RequestSet.DEFAULT_TYPES).requests();

  /** Answers everything but fare estimates, and remembers what it was asked. */
  private static final class NoFares implements QueryPath {
    final Set<QueryRequest> asked = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return "no-fares";
    }

    @Override
    public void answer(QueryRequest request) {
      asked.add(request);
      if (request instanceof FareEstimateRequest) {
        throw new IllegalStateException("fares are closed");
      }
    }
  }

  @Test
  void everyRequestIsSentOnceInEachMode() throws Exception {
    for (LoadMode mode :
        List.of(LoadMode.sequential(), LoadMode.concurrent(4), LoadMode.open(10_000, 8))) {
      NoFares path = new NoFares();

      PathSummary s = new LoadRunner().run(path, TWENTY, mode);

      assertThat(path.asked).containsExactlyInAnyOrderElementsOf(TWENTY);
      assertThat(s.count() + s.errors()).as(mode.label()).isEqualTo(20);
    }
  }

  @Test
  void failedRequestsAreCountedAsErrorsAndNotTimed() throws Exception {
    PathSummary s = new LoadRunner().run(new NoFares(), TWENTY, LoadMode.concurrent(2));

    assertThat(s.errors()).isEqualTo(5);
    assertThat(s.histogram().getTotalCount()).isEqualTo(15);
  }

  @Test
  void theFirstErrorIsKeptForTheReport() throws Exception {
    LoadRunner runner = new LoadRunner();

    runner.run(new NoFares(), TWENTY, LoadMode.sequential());

    assertThat(runner.firstError()).isEqualTo("no-fares: fares are closed");
  }

  /** Counts the requests it answers, each after a pause. */
  private static final class Slow implements QueryPath {
    final AtomicInteger answered = new AtomicInteger();

    @Override
    public String name() {
      return "slow";
    }

    @Override
    public void answer(QueryRequest request) throws InterruptedException {
      Thread.sleep(2);
      answered.incrementAndGet();
    }
  }

  @Test
  void aWarmUpWithoutTimeAnswersTheSetOnce() throws Exception {
    Slow path = new Slow();

    new LoadRunner().warmUp(path, TWENTY, 4, Duration.ZERO);

    assertThat(path.answered).hasValue(20);
  }

  @Test
  void aTimedWarmUpAnswersWholePassesUntilTheTimeIsUp() throws Exception {
    Slow path = new Slow();
    long start = System.nanoTime();

    new LoadRunner().warmUp(path, TWENTY, 4, Duration.ofMillis(300));

    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(300_000_000L);
    assertThat(path.answered.get()).isGreaterThan(20).isEqualTo(path.answered.get() / 20 * 20);
  }

  @Test
  void modesAreLabelledForTheReport() {
    assertThat(LoadMode.sequential().label()).isEqualTo("sequential");
    assertThat(LoadMode.concurrent(4).label()).isEqualTo("concurrent-4");
    assertThat(LoadMode.open(50, 64).label()).isEqualTo("open-50/s");
  }
}
