package dev.taxiscale.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may connect to an {@link EmbeddedDatabase}: password ({@code scram-sha-256}) logins over
 * 127.0.0.1 and ::1 only, no Unix socket, plus whatever lines and roles a feature adds, such as a
 * replication role for read replicas:
 *
 * <pre>{@code
 * AccessPolicy.standard()
 *     .withRole(new ExtraRole("replicator", "REPLICATION"))
 *     .withHbaLine("host replication replicator 127.0.0.1/32 scram-sha-256")
 * }</pre>
 *
 * @param hbaLines {@code pg_hba.conf} lines added after the standard ones
 * @param roles login roles created (or updated) at every start, with the application's password
 */
public record AccessPolicy(List<String> hbaLines, List<ExtraRole> roles) {
  /** Every client authenticates with a password; nothing else is accepted. */
  static final List<String> STANDARD_HBA =
      List.of("host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256");

  public AccessPolicy {
    hbaLines = List.copyOf(hbaLines);
    roles = List.copyOf(roles);
    for (String line : hbaLines) {
      if (line.isBlank() || line.contains("\n") || line.matches("(?i).*\\b(trust|password)\\s*$")) {
        throw new IllegalArgumentException(
            "hba line must be one line ending in a hashed method such as scram-sha-256, got '"
                + line
                + "'");
      }
    }
  }

  /** The standard lines and no extra role. */
  public static AccessPolicy standard() {
    return new AccessPolicy(List.of(), List.of());
  }

  public AccessPolicy withHbaLine(String line) {
    List<String> lines = new ArrayList<>(hbaLines);
    lines.add(line);
    return new AccessPolicy(lines, roles);
  }

  public AccessPolicy withRole(ExtraRole role) {
    List<ExtraRole> all = new ArrayList<>(roles);
    all.add(role);
    return new AccessPolicy(hbaLines, all);
  }

  /** The whole {@code pg_hba.conf}, rewritten at every start. */
  String hbaFile() {
    StringBuilder file =
        new StringBuilder("# written by taxiscale at every start; edits are lost\n");
    STANDARD_HBA.forEach(line -> file.append(line).append('\n'));
    hbaLines.forEach(line -> file.append(line).append('\n'));
    return file.toString();
  }

  /**
   * A login role besides the application's.
   *
   * @param name a lower-case SQL identifier
   * @param attributes role attributes such as {@code REPLICATION}; never {@code SUPERUSER}
   */
  public record ExtraRole(String name, String attributes) {
    public ExtraRole {
      if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
        throw new IllegalArgumentException("role name must be a lower-case identifier: " + name);
      }
      attributes = attributes == null ? "" : attributes.trim();
      if (!attributes.matches("[A-Za-z ]*")
          || List.of(attributes.toUpperCase(Locale.ROOT).split("\\s+")).contains("SUPERUSER")) {
        throw new IllegalArgumentException(
            "role attributes must be plain keywords other than SUPERUSER, got '"
                + attributes
                + "'");
      }
    }
  }
}
