package dev.taxiscale.ingest;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a file's first line and recognizes its format, rejecting what is not a trip CSV. */
final class HeaderReader {
  /** Real headers are under 400 bytes; a first line this long means binary content. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private HeaderReader() {}

  static TripLineProcessor detect(InputFile file) throws IngestException {
    byte[] header = firstLine(file);
    for (byte b : header) {
      if (b == 0) {
        throw new IngestException(file.name() + ": not a CSV text file (binary content)");
      }
    }
    String line = new String(header, StandardCharsets.UTF_8);
    try {
      return TripLineProcessor.forHeader(line);
    } catch (UnknownFormatException e) {
      throw new IngestException(
          file.name()
              + ": unknown header '"
              + abbreviate(line)
              + "', expected one of "
              + Arrays.toString(TripFormat.values()));
    }
  }

  private static byte[] firstLine(InputFile file) throws IngestException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (InputStream in = file.open()) {
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          break;
        }
        if (line.size() >= MAX_HEADER_BYTES) {
          throw new IngestException(
              file.name() + ": not a CSV text file (no line break in the first 64 KiB)");
        }
        line.write(b);
      }
    } catch (IOException e) {
      throw new IngestException(file.name() + ": " + Failures.describe(e), e);
    }
    if (line.size() == 0) {
      throw new IngestException(file.name() + ": empty file, expected a header line");
    }
    return line.toByteArray();
  }

  /** At most 80 characters, control characters shown as '?', so the message stays one line. */
  static String abbreviate(String text) {
    String clean = text.strip().replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 80 ? clean : clean.substring(0, 77) + "...";
  }
}
