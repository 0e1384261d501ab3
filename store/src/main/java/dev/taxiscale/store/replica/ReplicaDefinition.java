package dev.taxiscale.store.replica;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a replica directory needs to start again: its name (also its replication slot on the
 * primary), the primary, and its server settings. Kept in a file inside the data directory, as
 * {@code pg_basebackup -R} keeps the connection in {@code postgresql.auto.conf}; the file holds the
 * replication password, and the data directory is readable by its owner only.
 *
 * @param settings server settings passed on the command line, which overrides the files
 */
record ReplicaDefinition(String name, ReplicationSource primary, Map<String, String> settings) {
  static final String FILE = "taxiscale-replica.properties";
  private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
  private static final String SETTING = "setting.";
  private static final Pattern COMMAND_LINE_VALUE = Pattern.compile("[A-Za-z0-9._:/-]+");

  ReplicaDefinition {
    requireSlotName(name);
    settings.forEach(ReplicaDefinition::requireCommandLineValue);
    settings = Map.copyOf(settings);
  }

  /** The values reach the server through a shell command line (see writeStandbyConnection). */
  private static void requireCommandLineValue(String key, String value) {
    if (!COMMAND_LINE_VALUE.matcher(key).matches()
        || !COMMAND_LINE_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "replica setting "
              + key
              + " must be plain (letters, digits, . _ : / -), got '"
              + value
              + "'");
    }
  }

  static void requireSlotName(String name) {
    if (name == null || !SLOT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "replica name must be 1-63 of a-z, 0-9 and _ (it names a replication slot), got '"
              + name
              + "'");
    }
  }

  /**
   * Every setting the server starts with on its command line: its own, then the standby's, which
   * cannot be changed.
   */
  Map<String, String> serverSettings() {
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.put("listen_addresses", "127.0.0.1");
    all.put("hot_standby", "on");
    return all;
  }

  /**
   * Appends where to stream from to {@code postgresql.auto.conf}, as {@code pg_basebackup -R} does:
   * a command line cannot carry the connection string, because {@code pg_ctl} passes the server's
   * options through a shell, which splits it at its spaces.
   */
  void writeStandbyConnection(Path dataDirectory) throws IOException {
    String lines =
        "primary_conninfo = "
            + confLiteral(primary.conninfo(name))
            + "\nprimary_slot_name = "
            + confLiteral(name)
            + "\n";
    Files.writeString(
        dataDirectory.resolve("postgresql.auto.conf"), lines, StandardOpenOption.APPEND);
  }

  /** A string in a PostgreSQL configuration file, where backslashes escape. */
  private static String confLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  void save(Path dataDirectory) throws IOException {
    Properties p = new Properties();
    p.setProperty("name", name);
    p.setProperty("primary.host", primary.host());
    p.setProperty("primary.port", Integer.toString(primary.port()));
    p.setProperty("primary.user", primary.user());
    p.setProperty("primary.password", primary.password());
    settings.forEach((key, value) -> p.setProperty(SETTING + key, value));
    try (Writer out = Files.newBufferedWriter(dataDirectory.resolve(FILE))) {
      p.store(out, "read replica of " + primary.host() + ":" + primary.port());
    }
  }

  static ReplicaDefinition load(Path dataDirectory) throws IOException {
    Path file = dataDirectory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a replica directory (no " + FILE + "): " + dataDirectory);
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    Map<String, String> settings = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(SETTING)) {
        settings.put(key.substring(SETTING.length()), p.getProperty(key));
      }
    }
    ReplicationSource primary =
        new ReplicationSource(
            required(p, "primary.host", file),
            Integer.parseInt(required(p, "primary.port", file)),
            required(p, "primary.user", file),
            p.getProperty("primary.password", ""));
    return new ReplicaDefinition(required(p, "name", file), primary, settings);
  }

  private static String required(Properties p, String key, Path file) throws IOException {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IOException(file + " lacks " + key);
    }
    return value;
  }
}
