package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.TimeWindow;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneHeatmapRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The zone requests the suite asks, drawn with a seed from what the loaded trips hold: city-wide
 * zone heatmaps over 24 hours starting at whole hours inside the data, and zone-to-zone estimates
 * between the zone pairs with the most fared trips, at a minute of the day.
 */
final class ZoneRequests {
  /** The busiest pairs: where a rider's estimate typically asks, and the largest samples. */
  static final int PAIRS = 200;

  private static final String BUSY_PAIRS =
      "SELECT pickup_zone, dropoff_zone FROM trips"
          + " WHERE pickup_zone IS NOT NULL AND dropoff_zone IS NOT NULL AND fare IS NOT NULL"
          + " AND source IN ('yellow', 'green')"
          + " GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT "
          + PAIRS;

  private ZoneRequests() {}

  /** {@code count} distinct city-wide 24-hour heatmaps, each starting at a whole hour. */
  static List<QueryRequest> heatmaps(DataBounds bounds, long seed, int count) {
    LocalDateTime first = bounds.firstPickup().truncatedTo(ChronoUnit.HOURS);
    long hours = Math.max(1, ChronoUnit.HOURS.between(first, bounds.lastPickup()) - 24);
    Random random = new Random(seed);
    Set<QueryRequest> drawn = new LinkedHashSet<>();
    for (int tries = 0; drawn.size() < Math.min(count, hours) && tries < count * 100; tries++) {
      LocalDateTime from = first.plusHours(random.nextLong(hours));
      drawn.add(ZoneHeatmapRequest.citywide(new TimeWindow(from, from.plusDays(1))));
    }
    return new ArrayList<>(drawn);
  }

  /**
   * {@code count} distinct estimates between busy pairs of the data, at drawn minutes of the day.
   */
  static List<QueryRequest> fares(DataSource dataSource, DataBounds bounds, long seed, int count)
      throws SQLException {
    List<int[]> pairs = busyPairs(dataSource);
    if (pairs.isEmpty()) {
      throw new IllegalStateException("no fared trips between taxi zones: load zone trips first");
    }
    Random random = new Random(seed);
    LocalDateTime day = bounds.firstPickup().truncatedTo(ChronoUnit.DAYS);
    Set<QueryRequest> drawn = new LinkedHashSet<>();
    while (drawn.size() < count) {
      int[] pair = pairs.get(random.nextInt(pairs.size()));
      LocalDateTime time = day.plusDays(random.nextInt(7)).plusMinutes(random.nextInt(24 * 60));
      drawn.add(new ZoneFareRequest(pair[0], pair[1], time, null, null, null, null));
    }
    return new ArrayList<>(drawn);
  }

  private static List<int[]> busyPairs(DataSource dataSource) throws SQLException {
    List<int[]> pairs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(BUSY_PAIRS)) {
      while (rs.next()) {
        pairs.add(new int[] {rs.getInt(1), rs.getInt(2)});
      }
    }
    return pairs;
  }
}
