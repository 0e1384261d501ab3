package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the secondary indexes of an empty trips table before a bulk load and rebuilds them after,
 * which is several times faster than maintaining them row by row.
 *
 * <p>Definitions are read from {@code pg_indexes} (indexes come from migrations, none are
 * hard-coded here) and saved in {@link Tables#DROPPED_INDEXES} in the same transaction as the drop,
 * so a load killed in between leaves the definitions to {@link #restore()} on the next run. Indexes
 * that back constraints, such as the primary key, are kept: the registry deletes a file's rows by
 * id range and the key is cheap to maintain for ids that arrive in order.
 */
public final class TripIndexes {
  private static final Logger log = LoggerFactory.getLogger(TripIndexes.class);

  private static final String CREATE_REGISTRY =
      "CREATE TABLE IF NOT EXISTS "
          + Tables.DROPPED_INDEXES
          + " (index_name text PRIMARY KEY, definition text NOT NULL)";
  private static final String SECONDARY_INDEXES =
      "SELECT i.indexname, i.indexdef FROM pg_indexes i"
          + " WHERE i.schemaname = current_schema() AND i.tablename = '"
          + Tables.TRIPS
          + "' AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
          + " WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)"
          + " ORDER BY i.indexname";
  private static final String REMEMBER =
      "INSERT INTO " + Tables.DROPPED_INDEXES + " (index_name, definition) VALUES (?, ?)";
  private static final String PENDING =
      "SELECT index_name, definition FROM " + Tables.DROPPED_INDEXES + " ORDER BY index_name";

  private final DataSource dataSource;
  private final int parallelBuilds;

  /**
   * @param parallelBuilds how many indexes to build at once on separate connections
   */
  public TripIndexes(DataSource dataSource, int parallelBuilds) {
    if (parallelBuilds < 1) {
      throw new IllegalArgumentException("parallelBuilds must be >= 1, got " + parallelBuilds);
    }
    this.dataSource = dataSource;
    this.parallelBuilds = parallelBuilds;
  }

  /** A saved index: its name and the {@code CREATE INDEX} statement that rebuilds it. */
  public record IndexDefinition(String name, String definition) {}

  /**
   * Drops the secondary indexes if the trips table is empty, remembering them.
   *
   * @return the indexes dropped now or by an earlier, unfinished load; empty when the table held
   *     rows and nothing was pending
   */
  public List<IndexDefinition> dropIfEmpty() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(CREATE_REGISTRY);
        // a share lock keeps a concurrent writer from filling the table between check and drop
        s.execute("LOCK TABLE " + Tables.TRIPS + " IN SHARE MODE");
        if (isEmpty(s)) {
          dropAll(c, s);
        }
        c.commit();
        List<IndexDefinition> all = pending(c);
        log.info("secondary indexes dropped for bulk load: {}", all.size());
        return all;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Rebuilds every remembered index, forgets it, then refreshes the planner statistics. */
  public List<IndexDefinition> restore() throws SQLException {
    List<IndexDefinition> pending = pending();
    if (!pending.isEmpty()) {
      build(pending);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE " + Tables.TRIPS);
    }
    return pending;
  }

  /** Indexes dropped for a bulk load and not rebuilt yet. */
  public List<IndexDefinition> pending() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(CREATE_REGISTRY);
      return pending(c);
    }
  }

  private static boolean isEmpty(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + Tables.TRIPS + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static void dropAll(Connection c, Statement s) throws SQLException {
    List<IndexDefinition> indexes = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(SECONDARY_INDEXES)) {
      while (rs.next()) {
        indexes.add(new IndexDefinition(rs.getString(1), rs.getString(2)));
      }
    }
    try (PreparedStatement remember = c.prepareStatement(REMEMBER)) {
      for (IndexDefinition index : indexes) {
        remember.setString(1, index.name());
        remember.setString(2, index.definition());
        remember.executeUpdate();
        s.execute("DROP INDEX " + quoteIdentifier(index.name()));
      }
    }
  }

  private static List<IndexDefinition> pending(Connection c) throws SQLException {
    List<IndexDefinition> pending = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(PENDING)) {
      while (rs.next()) {
        pending.add(new IndexDefinition(rs.getString(1), rs.getString(2)));
      }
    }
    return pending;
  }

  private void build(List<IndexDefinition> pending) throws SQLException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelBuilds, pending.size()));
    try {
      List<Future<Void>> builds = new ArrayList<>();
      for (IndexDefinition index : pending) {
        builds.add(pool.submit(() -> buildOne(index)));
      }
      for (Future<Void> build : builds) {
        await(build);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Creates one index and forgets its definition in the same transaction. */
  private Void buildOne(IndexDefinition index) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement forget =
              c.prepareStatement(
                  "DELETE FROM " + Tables.DROPPED_INDEXES + " WHERE index_name = ?")) {
        s.execute(index.definition().replaceFirst("^CREATE (UNIQUE )?INDEX ", "$0IF NOT EXISTS "));
        forget.setString(1, index.name());
        forget.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    log.info("rebuilt index {} in {} ms", index.name(), (System.nanoTime() - start) / 1_000_000);
    return null;
  }

  private static void await(Future<Void> build) throws SQLException {
    try {
      build.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while rebuilding indexes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
