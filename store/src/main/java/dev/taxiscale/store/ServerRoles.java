package dev.taxiscale.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The roles of an {@link EmbeddedDatabase}: the application's own, which owns the schema but is no
 * superuser (so it cannot read server files or run programs), and any extra ones of the {@link
 * AccessPolicy}. Run at every start as the superuser; every statement may run again.
 */
final class ServerRoles {
  /** The role the application, its workers and its ingest connect as. */
  static final String APP = "taxiscale";

  private static final String OWNED_BY_SUPERUSER =
      """
      DO $$
      DECLARE o record;
      BEGIN
        FOR o IN
          SELECT format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, $1) AS sql
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND c.relowner = 'postgres'::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proowner = 'postgres'::regrole
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE o.sql;
        END LOOP;
      END $$""";

  private ServerRoles() {}

  /** Creates or updates the application role and the policy's roles, all with {@code password}. */
  static void ensure(Connection superuser, String password, AccessPolicy policy)
      throws SQLException {
    try (Statement s = superuser.createStatement()) {
      login(s, APP, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS", password);
      s.execute("GRANT CONNECT, CREATE, TEMPORARY ON DATABASE postgres TO " + APP);
      s.execute("ALTER SCHEMA public OWNER TO " + APP);
      // tables and functions an earlier version created as the superuser move to the app role
      s.execute(OWNED_BY_SUPERUSER.replace("$1", "'" + APP + "'"));
      for (AccessPolicy.ExtraRole role : policy.roles()) {
        login(s, role.name(), "NOSUPERUSER " + role.attributes(), password);
      }
    }
  }

  private static void login(Statement s, String role, String attributes, String password)
      throws SQLException {
    s.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
            + role
            + "') THEN CREATE ROLE "
            + role
            + " LOGIN; END IF; END $$");
    s.execute("ALTER ROLE " + role + " LOGIN " + attributes + " PASSWORD " + literal(password));
  }

  /** A SQL string literal; the password may come from the environment. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
