package dev.taxiscale.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.store.testing.MigratedPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TripIndexesIntegrationTest {
  @RegisterExtension static final MigratedPostgres db = MigratedPostgres.asApplication();

  private static TripIndexes indexes;

  private static final String BY_PICKUP_TIME =
      "CREATE INDEX trips_by_pickup_test ON trips (pickup_ts) INCLUDE (pickup_xy)";

  @BeforeAll
  static void startDatabase() throws Exception {
    indexes = new TripIndexes(db.dataSource(), 2);
  }

  @BeforeEach
  void emptyTableWithOneSecondaryIndex() throws Exception {
    indexes.restore();
    db.execute("TRUNCATE trips");
    db.execute("DROP INDEX IF EXISTS trips_by_pickup_test");
    db.execute(BY_PICKUP_TIME);
  }

  private static long indexCount() throws Exception {
    return db.queryLong("SELECT count(*) FROM pg_indexes WHERE tablename = 'trips'");
  }

  @Test
  void shouldDropTheKeyAndSecondaryIndexesOfAnEmptyTable() throws Exception {
    List<IndexDefinition> dropped = indexes.dropIfEmpty();

    assertThat(dropped)
        .extracting(IndexDefinition::name)
        .contains("trips_pkey", "trips_by_pickup_test");
    assertThat(indexCount()).isZero();
  }

  @Test
  void shouldRebuildThePrimaryKey() throws Exception {
    indexes.dropIfEmpty();

    indexes.restore();

    assertThat(
            db.queryString(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'trips_pkey'"))
        .isEqualTo("PRIMARY KEY (id)");
  }

  @Test
  void shouldKeepIndexesOfATableThatHoldsRows() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      TripCopyWriter.copy(c, List.of(Trips.pennStationToUnionSquare(1, 2)).iterator());
    }

    long before = indexCount();

    assertThat(indexes.dropIfEmpty()).isEmpty();
    assertThat(indexCount()).isEqualTo(before);
  }

  @Test
  void shouldRebuildDroppedIndexesWithTheirDefinitions() throws Exception {
    indexes.dropIfEmpty();

    indexes.restore();

    assertThat(
            db.queryString(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'trips_by_pickup_test'"))
        .endsWith("USING btree (pickup_ts) INCLUDE (pickup_xy)");
  }

  @Test
  void shouldRebuildIndexesDroppedByAnEarlierLoadThatNeverFinished() throws Exception {
    long before = indexCount();
    int dropped = indexes.dropIfEmpty().size();
    // the killed load copied some rows before dying, so the table is no longer empty
    try (Connection c = db.dataSource().getConnection()) {
      TripCopyWriter.copy(c, List.of(Trips.pennStationToUnionSquare(1, 2)).iterator());
    }

    TripIndexes nextRun = new TripIndexes(db.dataSource(), 1);
    assertThat(nextRun.dropIfEmpty()).hasSize(dropped);
    nextRun.restore();

    assertThat(indexCount()).isEqualTo(before);
  }
}
