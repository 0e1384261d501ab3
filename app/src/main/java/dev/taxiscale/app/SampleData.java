package dev.taxiscale.app;

import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo data set {@code up} loads on first start: generated files in three original formats over
 * the same April 2014 month, so every query has yellow, green and FHV trips to find.
 */
final class SampleData {
  /** Shares of the sample per format, roughly the 2014 fleet mix. */
  private static final List<Share> MIX =
      List.of(
          new Share(TripFormat.YELLOW_2014, 0.70),
          new Share(TripFormat.GREEN_2014, 0.15),
          new Share(TripFormat.UBER_2014, 0.15));

  private record Share(TripFormat format, double share) {}

  private SampleData() {}

  /**
   * Writes the sample files under {@code dir} unless they exist already (the generator is
   * deterministic, so an existing file holds exactly these bytes) and returns their paths.
   */
  static List<Path> ensure(Path dir, long trips) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (Share share : MIX) {
      long rows = Math.round(trips * share.share());
      Path file = dir.resolve(FormatConverter.flagName(share.format()) + "-" + rows + ".csv");
      if (!Files.exists(file)) {
        Path partial = dir.resolve(file.getFileName() + ".partial");
        TripGenerator.write(GeneratorConfig.of(share.format(), rows), partial);
        Files.move(partial, file);
        System.out.printf("generated %,d %s trips in %s%n", rows, share.format(), file);
      }
      files.add(file);
    }
    return files;
  }
}
