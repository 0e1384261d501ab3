package dev.taxiscale.bench;

import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.spark.SparkSessions;
import dev.taxiscale.spark.SparkSettings;
import dev.taxiscale.store.query.SparkSql;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The original design as a baseline: a local Spark session answering each request with one Spark
 * SQL job over a Parquet copy of the trips, exported from PostgreSQL once before timing.
 */
final class SparkBaseline implements QueryPath {
  static final String NAME = "spark";

  /** The trip columns the queries read, metric coordinates split out of the points. */
  private static final String EXPORT =
      "(SELECT id, source, pickup_ts, dropoff_ts, pickup_xy[0] AS pickup_x,"
          + " pickup_xy[1] AS pickup_y, dropoff_xy[0] AS dropoff_x, dropoff_xy[1] AS dropoff_y,"
          + " passengers, fare, distance_mi, pickup_zone, dropoff_zone FROM trips) AS bench_trips";

  private final SparkSession spark;
  private final Path copy;

  private SparkBaseline(SparkSession spark, Path copy) {
    this.spark = spark;
    this.copy = copy;
  }

  /** Starts a {@code local[*]} session and exports the trips at {@code jdbcUrl} to Parquet. */
  static SparkBaseline start(String jdbcUrl) throws IOException {
    Path copy = Files.createTempDirectory("taxiscale-spark-trips");
    SparkSession spark =
        SparkSessions.start(SparkSettings.fromEnvironment(System.getenv()).withMaster("local[*]"));
    try {
      export(spark, jdbcUrl, copy.resolve("trips.parquet"));
      return new SparkBaseline(spark, copy);
    } catch (RuntimeException e) {
      spark.stop();
      delete(copy);
      throw e;
    }
  }

  private static void export(SparkSession spark, String jdbcUrl, Path parquet) {
    spark
        .read()
        .format("jdbc")
        .option("url", jdbcUrl)
        .option("user", "postgres")
        .option("dbtable", EXPORT)
        .option("fetchsize", "10000")
        // trips carry wall-clock times without a zone; so do the request literals
        .option("preferTimestampNTZ", "true")
        .load()
        .write()
        .parquet(parquet.toString());
    spark.read().parquet(parquet.toString()).createOrReplaceTempView(SparkSql.VIEW);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void answer(QueryRequest request) {
    String statement =
        SparkSql.of(request)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the Spark baseline has no statement for " + request.type() + " queries"));
    spark.sql(statement).collectAsList();
  }

  /** The trip ids Spark finds for a nearby request, nearest first. */
  List<Long> nearbyIds(NearbyCabsRequest request) {
    return spark.sql(SparkSql.of(request).orElseThrow()).collectAsList().stream()
        .map(row -> row.getLong(0))
        .toList();
  }

  @Override
  public void close() {
    spark.stop();
    delete(copy);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the Parquet copy in " + dir, e);
    }
  }
}
