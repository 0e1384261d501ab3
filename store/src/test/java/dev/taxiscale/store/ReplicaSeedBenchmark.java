package dev.taxiscale.store;

import dev.taxiscale.core.trip.Trip;
import dev.taxiscale.store.replica.ReadReplica;
import dev.taxiscale.store.replica.ReplicationSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Iterator;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * How long seeding a read replica from a primary holding N trips takes, and starting it again.
 *
 * <pre>
 * ./mvnw -o -q -pl store -am test-compile
 * ./mvnw -o -q -pl store dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp store/target/test-classes:store/target/classes:core/target/classes:$(cat store/target/bench.cp) \
 *     dev.taxiscale.store.ReplicaSeedBenchmark [trips, default 1000000]
 * </pre>
 */
public final class ReplicaSeedBenchmark {
  private static final LocalDateTime FIRST_PICKUP = LocalDateTime.of(2014, 1, 1, 0, 0);

  private ReplicaSeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    long trips = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path scratch = Files.createTempDirectory("taxiscale-replica-bench");
    try (EmbeddedDatabase primary = EmbeddedDatabase.startPrimary(scratch.resolve("primary"), 0)) {
      long loaded = load(primary, trips);
      ReplicationSource source = primary.replicationSource();
      Path dir = scratch.resolve("replica");

      long seedStart = System.nanoTime();
      ReadReplica.seed(source, "bench", dir, 0).close();
      long seedMillis = millisSince(seedStart);

      long startAgain = System.nanoTime();
      try (ReadReplica replica = ReadReplica.start(dir, 0)) {
        long startMillis = millisSince(startAgain);
        System.out.printf(
            "%d trips; seed (copy + first start) %d ms; start again %d ms; %s%n",
            loaded, seedMillis, startMillis, replica.lag());
      }
      ReadReplica.start(dir, 0).discard();
    } finally {
      try (Stream<Path> paths = Files.walk(scratch)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static long load(EmbeddedDatabase primary, long trips) throws Exception {
    long start = System.nanoTime();
    try (Database db = Database.open(primary.config());
        Connection c = db.dataSource().getConnection()) {
      Iterator<Trip> rows =
          LongStream.rangeClosed(1, trips).mapToObj(ReplicaSeedBenchmark::trip).iterator();
      long copied = TripCopyWriter.copy(c, rows);
      System.out.printf("loaded %d trips in %d ms%n", copied, millisSince(start));
      return copied;
    }
  }

  /** One ride a minute, deterministic by line. */
  private static Trip trip(long line) {
    return Trips.withPickup(
        Trips.pennStationToUnionSquare(1, line), FIRST_PICKUP.plusMinutes(line));
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
