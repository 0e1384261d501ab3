package dev.taxiscale.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the quiet, loopback-bound Spark session the engine runs in. */
public final class SparkSessions {
  private static final String LOOPBACK = "127.0.0.1";

  private SparkSessions() {}

  /**
   * Starts (or joins) the session for these settings.
   *
   * <p>Takes 2-4 s on a laptop. Builder options override what {@code spark-submit} passed, so
   * callers take the master from {@link SparkSettings#fromEnvironment} to keep {@code --master}.
   */
  public static SparkSession start(SparkSettings settings) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master(settings.master())
            .appName(settings.appName())
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", settings.shufflePartitions())
            // trips carry wall-clock times without a zone: keep them as LocalDateTime
            .config("spark.sql.datetime.java8API.enabled", "true")
            // Parquet TIMESTAMP(unit, not adjusted to UTC) as timestamp_ntz: NYC wall clock, never
            // shifted by the session time zone (Spark's default, pinned against a cluster's own)
            .config("spark.sql.parquet.inferTimestampNTZ.enabled", "true");
    if (settings.isLocal()) {
      // a laptop on a VPN or with an unresolvable hostname must still reach its own executors
      builder.config("spark.driver.host", LOOPBACK).config("spark.driver.bindAddress", LOOPBACK);
      // the executor's heartbeat carries running tasks' rows read: progress lines every 2 s
      builder.config("spark.executor.heartbeatInterval", "2s");
    }
    return builder.getOrCreate();
  }
}
