package dev.taxiscale.store;

/**
 * An index or key of the trips table that a bulk load dropped, with the statement rebuilding it.
 *
 * @param name the index or constraint name
 * @param createSql e.g. {@code CREATE INDEX ... ON public.trips USING btree (pickup_ts)} or {@code
 *     ALTER TABLE trips ADD CONSTRAINT "trips_pkey" PRIMARY KEY (id)}
 * @param constraint whether it is a constraint (primary key, unique, exclusion), which takes an
 *     exclusive lock to add and so is rebuilt before the plain indexes
 */
public record IndexDefinition(String name, String createSql, boolean constraint) {

  static IndexDefinition index(String name, String indexdef) {
    // IF NOT EXISTS makes a rebuild that died after creating the index safe to repeat
    return new IndexDefinition(
        name, indexdef.replaceFirst("^CREATE (UNIQUE )?INDEX ", "$0IF NOT EXISTS "), false);
  }

  static IndexDefinition constraint(String name, String constraintdef) {
    return new IndexDefinition(
        name,
        "ALTER TABLE " + Tables.TRIPS + " ADD CONSTRAINT " + quoted(name) + " " + constraintdef,
        true);
  }

  String dropSql() {
    return constraint
        ? "ALTER TABLE " + Tables.TRIPS + " DROP CONSTRAINT " + quoted(name)
        : "DROP INDEX " + quoted(name);
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
