package dev.taxiscale.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small fixture files of trip lines, plain or gzip, with LF or CRLF line ends. */
public final class TripFiles {
  private TripFiles() {}

  /** Writes the lines, each ended by LF, and returns the file. */
  public static Path write(Path file, List<String> lines) {
    return writeBytes(file, join(lines, "\n"));
  }

  /** Writes the lines, each ended by CRLF, as most published files are. */
  public static Path writeCrlf(Path file, List<String> lines) {
    return writeBytes(file, join(lines, "\r\n"));
  }

  /** Writes the lines gzip-compressed, each ended by LF. */
  public static Path writeGzip(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(join(lines, "\n"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes raw bytes, e.g. binary garbage. */
  public static Path writeBytes(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] join(List<String> lines, String ending) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append(ending);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
