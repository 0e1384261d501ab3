package dev.taxiscale.store.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Copies the data directory of a running server between {@code pg_backup_start} and {@code
 * pg_backup_stop}, leaving out what {@code pg_basebackup} leaves out: files that describe the
 * running process, and directories whose contents the server rebuilds or the replica streams.
 *
 * <p>Files change and vanish while they are copied; WAL replay from the backup's start repairs the
 * torn pages, and a file deleted meanwhile is not needed.
 */
final class DataDirectoryCopy {
  /** Directories kept empty: runtime state, slots, and WAL, which the replica streams instead. */
  private static final Set<String> EMPTIED =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans",
          "log");

  /** Files of the running server (and zonky's lock), or of an earlier backup or recovery. */
  private static final Set<String> SKIPPED =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "postgresql.auto.conf.tmp",
          "current_logfiles",
          "backup_label",
          "tablespace_map",
          "standby.signal",
          "recovery.signal",
          "epg-lock");

  /** Written last, as pg_basebackup does, so it is no older than any file copied before it. */
  private static final Path CONTROL_FILE = Path.of("global", "pg_control");

  private final Path source;
  private final Path target;
  private long bytes;

  private DataDirectoryCopy(Path source, Path target) {
    this.source = source;
    this.target = target;
  }

  /**
   * Copies {@code source} into the absent or empty directory {@code target}.
   *
   * @return the number of bytes copied
   */
  static long copy(Path source, Path target) throws IOException {
    refuseTablespaces(source);
    DataDirectoryCopy copy = new DataDirectoryCopy(source, target);
    Files.walkFileTree(source, copy.new Visitor());
    copy.copyFile(source.resolve(CONTROL_FILE));
    // PostgreSQL refuses a data directory that others may read
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
    return copy.bytes;
  }

  private static void refuseTablespaces(Path source) throws IOException {
    Path links = source.resolve("pg_tblspc");
    if (Files.isDirectory(links)) {
      try (Stream<Path> entries = Files.list(links)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("cannot seed a replica of a server with tablespaces: " + links);
        }
      }
    }
  }

  /** A replica is seeded only into an absent or empty directory, never over other files. */
  static void requireEmpty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("replica directory is not empty: " + dir);
        }
      }
    }
  }

  /** Removes a replica directory, or what a failed seed left of it. */
  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DataDirectoryCopy::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyFile(Path file) throws IOException {
    try {
      Path to = target.resolve(source.relativize(file));
      Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
      bytes += Files.size(to);
    } catch (NoSuchFileException e) {
      // dropped or truncated away since it was listed: the WAL replayed later removes it too
    }
  }

  private static boolean skipped(Path file) {
    String name = file.getFileName().toString();
    return SKIPPED.contains(name)
        || name.startsWith("pg_internal.init")
        || name.startsWith("pgsql_tmp");
  }

  /** Walks the source, creating every kept directory and copying every kept file. */
  private final class Visitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
        throws IOException {
      Path relative = source.relativize(dir);
      if (relative.getNameCount() > 0
          && relative.getFileName().toString().startsWith("pgsql_tmp")) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      Files.createDirectories(target.resolve(relative));
      boolean emptied = relative.getNameCount() == 1 && EMPTIED.contains(relative.toString());
      // pg_wal keeps its subdirectories (archive_status, summaries): the server expects them
      boolean inWal =
          relative.getNameCount() > 0 && relative.getName(0).toString().equals("pg_wal");
      return emptied && !inWal ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      Path relative = source.relativize(file);
      boolean inWal = relative.getName(0).toString().equals("pg_wal");
      if (!inWal && !skipped(file) && !relative.equals(CONTROL_FILE)) {
        copyFile(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw e;
    }
  }
}
