package dev.taxiscale.spark;

/** Queries that hash whole tables, so that two loads compare in one value each. */
final class TableDigests {
  /** Every row of the trips table in id order. */
  static final String TRIPS =
      "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY id)), '')"
          + " FROM trips t";

  /** Every hourly sum in key order. */
  static final String HOURS =
      "SELECT count(*) || ':' || coalesce(md5(string_agg(h::text, E'\\n'"
          + " ORDER BY file_id, hour, square_x, square_y, source)), '') FROM trip_hours h";

  private TableDigests() {}
}
