package dev.taxiscale.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The embedded server's passwords: one for the {@code postgres} superuser, which only this process
 * uses, and one for the application role, which {@value DbConfig#ENV_PASSWORD} may set instead.
 * Generated ones live in the data directory, readable by its owner alone.
 *
 * @param admin the superuser's password
 * @param app the application role's password
 */
record ServerSecrets(String admin, String app) {
  static final String ADMIN_FILE = "taxiscale-admin.password";
  static final String APP_FILE = "taxiscale-app.password";
  private static final SecureRandom RANDOM = new SecureRandom();

  ServerSecrets {
    if (admin == null || admin.isEmpty() || app == null || app.isEmpty()) {
      throw new IllegalArgumentException("the embedded server's passwords must not be empty");
    }
  }

  /** The passwords kept in {@code dataDirectory}, new ones where none is kept yet. */
  static ServerSecrets of(Path dataDirectory, Map<String, String> env) {
    String given = env.get(DbConfig.ENV_PASSWORD);
    return new ServerSecrets(
        storedOrNew(dataDirectory.resolve(ADMIN_FILE)),
        given == null || given.isEmpty() ? storedOrNew(dataDirectory.resolve(APP_FILE)) : given);
  }

  /** Writes the passwords not yet kept in {@code dataDirectory}, with mode 0600. */
  void keepIn(Path dataDirectory, Map<String, String> env) {
    keep(dataDirectory.resolve(ADMIN_FILE), admin);
    String given = env.get(DbConfig.ENV_PASSWORD);
    if (given == null || given.isEmpty()) {
      keep(dataDirectory.resolve(APP_FILE), app);
    }
  }

  /** The superuser's password in a private file of its own, for {@code initdb --pwfile}. */
  Path adminPasswordFile() throws IOException {
    Path file =
        Files.createTempFile(
            "taxiscale-pw",
            "",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, admin + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private static String storedOrNew(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void keep(Path file, String password) {
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException raced) {
      // another start wrote it first; its content wins on the next read
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
