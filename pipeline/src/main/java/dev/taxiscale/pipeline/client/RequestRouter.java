package dev.taxiscale.pipeline.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Chooses the request partition of each record, and so the worker that answers it: of two workers
 * drawn at random, the one with fewer of this client's requests awaiting a reply, then that
 * worker's least busy partition.
 *
 * <p>Why not a key hash: partitions are assigned statically, so with hashed keys every worker gets
 * the same share whatever its speed. A worker slowed down (throttled by its CPU quota, a garbage
 * collection, a cold JIT) then holds a growing queue, and closed-loop clients end up waiting on it:
 * the group runs at its slowest member's pace. Two random choices by outstanding requests send work
 * where it is answered soonest at the cost of two counter reads per request (the "power of two
 * choices"). The parts of one composite request go to different workers, so they run at once rather
 * than queue behind each other. With more parts than workers, the first part (the costliest, sent
 * first) keeps its worker to itself and the others share the rest.
 *
 * <p>The owner of each partition comes from the workers' group as last read ({@link
 * WorkerGroupWatch}); until it is known, and for partitions nobody holds, partitions are chosen the
 * same way one by one. Thread-safe.
 */
final class RequestRouter {
  private final int partitions;
  private final AtomicIntegerArray awaiting;
  private final Supplier<Optional<WorkerGroupReading>> group;
  private volatile Owners owners = Owners.NONE;

  /**
   * @param group the workers' group as last read, empty while unknown
   */
  RequestRouter(int partitions, Supplier<Optional<WorkerGroupReading>> group) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
    }
    this.partitions = partitions;
    this.awaiting = new AtomicIntegerArray(partitions);
    this.group = group;
  }

  /** One partition for a request, counted as awaiting until {@link #answered}. */
  int choose() {
    return choose(1)[0];
  }

  /**
   * Partitions for {@code count} requests sent together, on as many different workers as there are,
   * each counted as awaiting until {@link #answered}.
   */
  int[] choose(int count) {
    List<int[]> workers = owners().workers();
    Set<Integer> usedWorkers = new HashSet<>();
    Set<Integer> usedPartitions = new HashSet<>();
    int[] chosen = new int[count];
    int firstWorker = -1;
    for (int i = 0; i < count; i++) {
      int partition;
      if (workers.isEmpty()) {
        partition = leastOfTwo(allPartitions(), usedPartitions);
      } else {
        if (usedWorkers.size() == workers.size()) {
          // every worker has a part: the rest share all but the first part's, as far as they can
          usedWorkers.clear();
          if (workers.size() > 1) {
            usedWorkers.add(firstWorker);
          }
        }
        int worker = freeWorker(workers, usedWorkers);
        usedWorkers.add(worker);
        if (i == 0) {
          firstWorker = worker;
        }
        partition = leastOf(workers.get(worker), usedPartitions);
      }
      usedPartitions.add(partition);
      awaiting.incrementAndGet(partition);
      chosen[i] = partition;
    }
    return chosen;
  }

  /** The request sent to {@code partition} has its answer, or will never get one. */
  void answered(int partition) {
    awaiting.decrementAndGet(partition);
  }

  /** This client's requests awaiting a reply on {@code partition}. */
  int awaiting(int partition) {
    return awaiting.get(partition);
  }

  /** Of the workers not in {@code used}, the less loaded of two drawn at random. */
  private int freeWorker(List<int[]> workers, Set<Integer> used) {
    List<Integer> candidates = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      if (!used.contains(w)) {
        candidates.add(w);
      }
    }
    return pickLess(candidates, w -> load(workers.get(w)));
  }

  private int leastOfTwo(int[] among, Set<Integer> used) {
    List<Integer> candidates = new ArrayList<>();
    for (int p : among) {
      if (!used.contains(p)) {
        candidates.add(p);
      }
    }
    if (candidates.isEmpty()) {
      return among[ThreadLocalRandom.current().nextInt(among.length)];
    }
    return pickLess(candidates, awaiting::get);
  }

  /** Of two different candidates drawn at random, the one with the lower figure. */
  private static int pickLess(List<Integer> candidates, IntUnaryOperator figure) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int i = random.nextInt(candidates.size());
    if (candidates.size() == 1) {
      return candidates.get(i);
    }
    int j = random.nextInt(candidates.size() - 1);
    if (j >= i) {
      j++;
    }
    int a = candidates.get(i);
    int b = candidates.get(j);
    return figure.applyAsInt(b) < figure.applyAsInt(a) ? b : a;
  }

  /** The worker's unused partition with the fewest awaiting requests, scanned from a random one. */
  private int leastOf(int[] held, Set<Integer> used) {
    int start = ThreadLocalRandom.current().nextInt(held.length);
    int best = -1;
    for (int i = 0; i < held.length; i++) {
      int p = held[(start + i) % held.length];
      if (!used.contains(p) && (best < 0 || awaiting.get(p) < awaiting.get(best))) {
        best = p;
      }
    }
    return best >= 0 ? best : held[start];
  }

  private int load(int[] held) {
    int sum = 0;
    for (int p : held) {
      sum += awaiting.get(p);
    }
    return sum;
  }

  private int[] allPartitions() {
    int[] all = new int[partitions];
    for (int i = 0; i < partitions; i++) {
      all[i] = i;
    }
    return all;
  }

  /** The owners of the last reading, rebuilt only when a new reading comes. */
  private Owners owners() {
    Optional<WorkerGroupReading> reading = group.get();
    if (reading.isEmpty()) {
      return Owners.NONE;
    }
    Owners current = owners;
    if (current.from() != reading.get()) {
      current = Owners.of(reading.get(), partitions);
      owners = current;
    }
    return current;
  }

  /** The request partitions each worker holds, as one reading of the group gave them. */
  private record Owners(WorkerGroupReading from, List<int[]> workers) {
    static final Owners NONE = new Owners(null, List.of());

    static Owners of(WorkerGroupReading reading, int partitions) {
      Map<String, List<Integer>> byWorker = new TreeMap<>();
      reading
          .owners()
          .forEach(
              (partition, worker) -> {
                if (partition < partitions) {
                  byWorker.computeIfAbsent(worker, w -> new ArrayList<>()).add(partition);
                }
              });
      List<int[]> workers =
          byWorker.values().stream()
              .map(held -> held.stream().mapToInt(Integer::intValue).toArray())
              .toList();
      return new Owners(reading, workers);
    }
  }
}
