package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taxiscale.core.query.NearbyCab;
import dev.taxiscale.core.query.NearbyCabsRequest;
import dev.taxiscale.core.query.NearbyCabsResult;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.store.Database;
import dev.taxiscale.store.query.QueryEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark baseline's nearby answers against the engine's, on the same 20,000 loaded trips. */
class SparkBaselineIntegrationTest {
  private static final long TINY = 20_000;
  private static final long SEED = 7;

  @TempDir static Path dir;
  static BenchServer server;
  static HikariDataSource pool;
  static SparkBaseline spark;
  static List<QueryRequest> nearby;

  @BeforeAll
  static void loadTheTripsAndStartSpark() throws Exception {
    server = BenchServer.start(dir.resolve("db"), "128MB");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(2);
    pool = new HikariDataSource(config);
    Database.migrate(pool);
    new BenchData(pool).ensure(TINY, SEED);
    RequestSet set = RequestSet.draw(DataBounds.of(pool), SEED, 20, List.of("nearby"));
    nearby = set.requests();
    spark = SparkBaseline.start(server.jdbcUrl());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (spark != null) {
      spark.close();
    }
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sparkFindsTheSameCabsAsTheEngineInTheSameOrder() {
    QueryEngine engine = new QueryEngine(pool);
    long cabsCompared = 0;
    for (QueryRequest request : nearby) {
      NearbyCabsResult result = (NearbyCabsResult) engine.execute(request);
      List<Long> engineIds = result.cabs().stream().map(NearbyCab::tripId).toList();

      assertThat(spark.nearbyIds((NearbyCabsRequest) request))
          .as(request.toString())
          .isEqualTo(engineIds);
      cabsCompared += engineIds.size();
    }
    assertThat(cabsCompared).as("the fixture must hold cabs to compare").isPositive();
  }

  @Test
  void everyRequestTypeHasASparkQueryThatRuns() throws Exception {
    List<QueryRequest> all =
        RequestSet.draw(DataBounds.of(pool), SEED, 8, RequestSet.ALL_TYPES).requests();
    for (QueryRequest request : all) {
      spark.answer(request);
    }
    assertThat(all).extracting(QueryRequest::type).containsAll(RequestSet.ALL_TYPES);
  }
}
