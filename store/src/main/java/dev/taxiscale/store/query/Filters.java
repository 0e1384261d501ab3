package dev.taxiscale.store.query;

import dev.taxiscale.core.query.BoundingBox;
import dev.taxiscale.core.trip.Source;
import java.util.Set;

/** WHERE fragments the queries share; each binds its values. */
final class Filters {

  private Filters() {}

  /** Restricts to the given fleets, or adds nothing when every fleet is wanted. */
  static Sql sources(Set<Source> sources) {
    Sql sql = new Sql();
    if (sources.size() < Source.values().length) {
      sql.add(
          " AND source = ANY(?)",
          (Object) sources.stream().map(Source::code).toArray(String[]::new));
    }
    return sql;
  }

  static Sql minPassengers(Integer minPassengers) {
    Sql sql = new Sql();
    if (minPassengers != null) {
      sql.add(" AND passengers >= ?", minPassengers);
    }
    return sql;
  }

  /**
   * A metric point column inside a lon/lat box, edges included. The projection maps each axis
   * separately and monotonically, so the box stays a box in meters, checked on index data.
   *
   * <p>{@code on_pb} is the function behind {@code point <@ box}. Called by name it gets the
   * planner's default one-in-three estimate instead of the operator's fixed 0.1%, which made the
   * planner expect a handful of rows where there were tens of thousands and sort them.
   */
  static Sql inBox(String pointColumn, BoundingBox box) {
    return new Sql()
        .add(
            " AND on_pb(" + pointColumn + ", box(point(?, ?), point(?, ?)))",
            box.minX(),
            box.minY(),
            box.maxX(),
            box.maxY());
  }
}
