package dev.taxiscale.testkit;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small file in one format with known contents: after the header a blank line, three ordinary
 * rides, a ride from Null Island (rejected: zero coordinates) and a line cut short (rejected:
 * truncated), like the last line of a file copied by byte count.
 *
 * @param keptLines the physical line numbers of the kept rows (the header is line 1)
 */
public record SampleFile(
    Path path,
    long rowsIn,
    long kept,
    Map<Reason, Long> rejects,
    long blank,
    List<Long> keptLines) {

  /** Writes the sample for a format with CRLF line ends, as most published files have. */
  public static SampleFile write(TripFormat format, Path file) {
    TripFiles.writeCrlf(file, lines(format));
    return expected(file);
  }

  /** Writes the sample gzip-compressed (LF line ends), whatever the file is named. */
  public static SampleFile writeGzip(TripFormat format, Path file) {
    TripFiles.writeGzip(file, lines(format));
    return expected(file);
  }

  /** The sample's lines, header first. */
  public static List<String> lines(TripFormat format) {
    Function<FixtureTrip, String> render = renderer(format);
    List<String> lines = new ArrayList<>();
    lines.add(header(format));
    lines.add("");
    lines.add(render.apply(FixtureTrip.pennStationToUnionSquare()));
    lines.add(render.apply(FixtureTrip.timesSquareToGrandCentral()));
    lines.add(render.apply(FixtureTrip.jfkToYankeeStadium()));
    lines.add(render.apply(FixtureTrip.fromNullIsland()));
    lines.add(
        TripLines.truncated(render.apply(FixtureTrip.pennStationToUnionSquare().plusDays(1))));
    return lines;
  }

  public static String header(TripFormat format) {
    return switch (format) {
      case YELLOW_2014 -> TripLines.YELLOW_2014_HEADER;
      case GREEN_2014 -> TripLines.GREEN_2014_HEADER;
      case UBER_2014 -> TripLines.UBER_2014_HEADER;
      case YELLOW_2015 -> TripLines.YELLOW_2015_HEADER;
      case NORMALIZED -> TripLines.NORMALIZED_HEADER;
    };
  }

  public static Function<FixtureTrip, String> renderer(TripFormat format) {
    return switch (format) {
      case YELLOW_2014 -> TripLines::yellow2014;
      case GREEN_2014 -> TripLines::green2014;
      case UBER_2014 -> TripLines::uber2014;
      case YELLOW_2015 -> TripLines::yellow2015;
      case NORMALIZED -> TripLines::normalized;
    };
  }

  private static SampleFile expected(Path file) {
    return new SampleFile(
        file,
        5,
        3,
        Map.of(Reason.ZERO_COORDINATES, 1L, Reason.TRUNCATED_ROW, 1L),
        1,
        List.of(3L, 4L, 5L));
  }
}
