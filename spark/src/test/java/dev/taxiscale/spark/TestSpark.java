package dev.taxiscale.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test JVM: starting one costs seconds, so every integration test class
 * shares it, and Spark's own shutdown hook stops it when the run ends.
 */
final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSessions.start(new SparkSettings("local[2]", "taxiscale-test", 4));
    }
    return session;
  }
}
