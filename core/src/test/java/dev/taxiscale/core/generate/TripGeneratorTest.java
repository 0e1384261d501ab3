package dev.taxiscale.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.TripFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TripGeneratorTest {
  private static final GeneratorConfig SMALL_YELLOW =
      GeneratorConfig.of(TripFormat.YELLOW_2014, 2_000).withSeed(7);

  @Test
  void shouldWriteIdenticalBytesForTheSameSeed() {
    assertThat(TripGenerator.text(SMALL_YELLOW)).isEqualTo(TripGenerator.text(SMALL_YELLOW));
  }

  @Test
  void shouldWriteOtherRowsForAnotherSeed() {
    assertThat(TripGenerator.text(SMALL_YELLOW.withSeed(8)))
        .isNotEqualTo(TripGenerator.text(SMALL_YELLOW));
  }

  @ParameterizedTest
  @EnumSource(TripFormat.class)
  void shouldRejectExactlyTheDirtyRowsWithTheirIntendedReasons(TripFormat format) throws Exception {
    GeneratorConfig config = GeneratorConfig.of(format, 3_000).withDirtyShare(0.1);
    GenerationReport report = TripGenerator.write(config, new ByteArrayOutputStream());

    Generated parsed = Generated.parse(config);

    assertThat(parsed.rejected()).isEqualTo(report.dirtyByReason());
    assertThat(parsed.kept()).hasSize(3_000 - 300);
  }

  @Test
  void shouldSpreadDirtyRowsOverEveryReasonAFormatCanHave() throws Exception {
    GeneratorConfig config = SMALL_YELLOW.withDirtyShare(0.1);

    GenerationReport report = TripGenerator.write(config, new ByteArrayOutputStream());

    // an overlong line only a broken file has, the zone and file-month reasons need a
    // zone-based file, which CSV formats are not, and yes/no flags only high-volume FHV files have
    Set<Reason> never =
        EnumSet.of(
            Reason.OVERLONG_LINE,
            Reason.UNPARSEABLE_FLAG,
            Reason.UNKNOWN_ZONE,
            Reason.ZONE_WITHOUT_SHAPE,
            Reason.PICKUP_OUTSIDE_FILE_MONTH);
    assertThat(report.dirtyByReason())
        .hasSize(EnumSet.complementOf(EnumSet.copyOf(never)).size())
        .doesNotContainKeys(never.toArray(Reason[]::new));
    assertThat(report.dirtyByReason().values()).allSatisfy(n -> assertThat(n).isBetween(18L, 19L));
  }

  @Test
  void shouldKeepEveryRowWhenNoneAreDirty() {
    Generated parsed = Generated.parse(SMALL_YELLOW.withDirtyShare(0));

    assertThat(parsed.kept()).hasSize(2_000);
  }

  @Test
  void shouldRejectEveryRowWhenAllAreDirty() {
    Generated parsed = Generated.parse(SMALL_YELLOW.withDirtyShare(1));

    assertThat(parsed.kept()).isEmpty();
  }

  @Test
  void shouldWriteOnlyThePreambleForZeroRows() {
    assertThat(TripGenerator.text(SMALL_YELLOW.withRows(0)))
        .isEqualTo(TripFormat.YELLOW_2014.header() + "\n\r\n");
  }

  @Test
  void shouldGzipTheSameBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trips.csv.gz");

    TripGenerator.write(SMALL_YELLOW.withGzip(true), file);

    try (var in = new GZIPInputStream(Files.newInputStream(file))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo(TripGenerator.text(SMALL_YELLOW));
    }
  }

  @Test
  void shouldWriteTheSameBytesToAPathAsToAStream(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trips.csv");

    TripGenerator.write(SMALL_YELLOW, file);

    assertThat(Files.readString(file, StandardCharsets.US_ASCII))
        .isEqualTo(TripGenerator.text(SMALL_YELLOW));
  }

  @Test
  void shouldLeaveTheCallersStreamOpenAfterGzipping() throws Exception {
    var out = new ByteArrayOutputStream();

    TripGenerator.write(SMALL_YELLOW.withRows(10).withGzip(true), out);

    try (var in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(in.readAllBytes()).isNotEmpty();
    }
  }
}
