package dev.taxiscale.pipeline.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RequestRouterTest {
  private static final int PARTITIONS = 24;

  /** Four workers holding six partitions each, as the group assigns them. */
  private static WorkerGroupReading fourWorkers() {
    Map<Integer, String> owners = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      owners.put(p, "w" + p % 4);
    }
    return new WorkerGroupReading(List.of(), owners, 0, Instant.now());
  }

  @Test
  void shouldSpreadRequestsEvenlyOverTheWorkersWhileNoneAnswers() {
    WorkerGroupReading group = fourWorkers();
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(group));

    Map<String, Long> perWorker = new HashMap<>();
    for (int i = 0; i < 4_000; i++) {
      perWorker.merge(group.owners().get(router.choose()), 1L, Long::sum);
    }

    assertThat(perWorker).hasSize(4);
    assertThat(perWorker.values()).allSatisfy(n -> assertThat(n).isBetween(950L, 1_050L));
  }

  @Test
  void shouldNotSendToAWorkerThatAnswersSlowerThanTheOthers() {
    WorkerGroupReading group = fourWorkers();
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(group));
    for (int i = 0; i < 400; i++) {
      int partition = router.choose();
      // every worker but w0 answers at once: w0's requests pile up
      if (!group.owners().get(partition).equals("w0")) {
        router.answered(partition);
      }
    }

    Set<String> chosen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int partition = router.choose();
      chosen.add(group.owners().get(partition));
      router.answered(partition);
    }

    assertThat(chosen).containsExactlyInAnyOrder("w1", "w2", "w3");
  }

  @Test
  void shouldSendThePartsOfOneRequestToDifferentWorkers() {
    WorkerGroupReading group = fourWorkers();
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(group));

    for (int i = 0; i < 200; i++) {
      int[] parts = router.choose(3);
      Set<String> workers = new HashSet<>();
      for (int p : parts) {
        workers.add(group.owners().get(p));
      }
      assertThat(workers).hasSize(3);
      if (i % 2 == 0) {
        for (int p : parts) {
          router.answered(p);
        }
      }
    }
  }

  @Test
  void shouldLeaveTheFirstPartItsWorkerAloneWhenPartsOutnumberWorkers() {
    Map<Integer, String> owners = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      owners.put(p, "w" + p % 2);
    }
    WorkerGroupReading group = new WorkerGroupReading(List.of(), owners, 0, Instant.now());
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(group));

    for (int i = 0; i < 200; i++) {
      int[] parts = router.choose(3);
      String first = group.owners().get(parts[0]);

      assertThat(group.owners().get(parts[1])).isNotEqualTo(first);
      assertThat(group.owners().get(parts[2])).isNotEqualTo(first);
      assertThat(Set.of(parts[0], parts[1], parts[2])).hasSize(3);
      for (int p : parts) {
        router.answered(p);
      }
    }
  }

  @Test
  void shouldUseDifferentPartitionsOfTheOnlyWorkerForParts() {
    Map<Integer, String> owners = new HashMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      owners.put(p, "alone");
    }
    WorkerGroupReading group = new WorkerGroupReading(List.of(), owners, 0, Instant.now());
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(group));

    int[] parts = router.choose(3);

    assertThat(Set.of(parts[0], parts[1], parts[2])).hasSize(3);
  }

  @Test
  void shouldBalancePartitionsWhileTheWorkersAreUnknown() {
    RequestRouter router = new RequestRouter(PARTITIONS, Optional::empty);

    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < 2_400; i++) {
      chosen.add(router.choose());
    }

    Map<Integer, Long> perPartition =
        chosen.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    assertThat(perPartition).hasSize(PARTITIONS);
    assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(90L, 110L));
    chosen.forEach(router::answered);
    for (int p = 0; p < PARTITIONS; p++) {
      assertThat(router.awaiting(p)).isZero();
    }
  }

  @Test
  void shouldFollowANewAssignmentOfThePartitions() {
    AtomicReference<WorkerGroupReading> latest = new AtomicReference<>(fourWorkers());
    RequestRouter router = new RequestRouter(PARTITIONS, () -> Optional.of(latest.get()));
    router.answered(router.choose());

    Map<Integer, String> onlyTheFirstSix = new HashMap<>();
    for (int p = 0; p < 6; p++) {
      onlyTheFirstSix.put(p, "w" + p % 2);
    }
    latest.set(new WorkerGroupReading(List.of(), onlyTheFirstSix, 0, Instant.now()));

    for (int i = 0; i < 100; i++) {
      int partition = router.choose();
      assertThat(partition).isLessThan(6);
      router.answered(partition);
    }
  }
}
