package dev.taxiscale.spark;

import java.util.Map;

/**
 * How the Spark engine reaches its cluster: master URL, application name and shuffle width.
 *
 * @param master {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, {@code k8s://...}
 * @param appName the name shown by the cluster manager
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}; small on a laptop, wider on a
 *     cluster
 */
public record SparkSettings(String master, String appName, int shufflePartitions) {
  /** Environment variable that overrides the master URL. */
  public static final String MASTER_ENV = "TAXISCALE_SPARK_MASTER";

  public static final String DEFAULT_MASTER = "local[*]";
  public static final String DEFAULT_APP_NAME = "taxiscale-ingest";

  /** Spark's own default of 200 only adds scheduling overhead for files of a few million rows. */
  public static final int DEFAULT_SHUFFLE_PARTITIONS = 8;

  public SparkSettings {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException(
          "Spark master must be a URL such as local[*], spark://host:7077 or k8s://host:443");
    }
    if (appName == null || appName.isBlank()) {
      throw new IllegalArgumentException("Spark application name must not be blank");
    }
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException(
          "shuffle partitions must be at least 1, got " + shufflePartitions);
    }
  }

  /**
   * The defaults, with the master taken from {@value #MASTER_ENV} when it is set, else from the
   * {@code spark.master} property that {@code spark-submit --master} sets, else {@value
   * #DEFAULT_MASTER}.
   */
  public static SparkSettings fromEnvironment(Map<String, String> env) {
    String master = env.getOrDefault(MASTER_ENV, "");
    if (master.isBlank()) {
      master = System.getProperty("spark.master", DEFAULT_MASTER);
    }
    return new SparkSettings(master.trim(), DEFAULT_APP_NAME, DEFAULT_SHUFFLE_PARTITIONS);
  }

  /** The same settings on another master. */
  public SparkSettings withMaster(String newMaster) {
    return new SparkSettings(newMaster, appName, shufflePartitions);
  }

  /** The same settings with another shuffle width. */
  public SparkSettings withShufflePartitions(int partitions) {
    return new SparkSettings(master, appName, partitions);
  }

  /** Whether driver and executors share this JVM, so everything binds to the loopback address. */
  public boolean isLocal() {
    return master.startsWith("local");
  }
}
