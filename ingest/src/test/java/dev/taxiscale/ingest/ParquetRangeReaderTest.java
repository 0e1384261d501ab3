package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row ranges of a file read one after the other give its rows as one read of the whole does. */
class ParquetRangeReaderTest {
  /** Small row groups: a few thousand rows make several of them. */
  private static final ParquetTripSchema.Options SMALL_GROUPS =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 64 << 10, false, false);

  @TempDir static Path dir;
  private static Path csv;

  @BeforeAll
  static void generateTrips() throws Exception {
    csv = dir.resolve("yellow_tripdata_2014-04.csv");
    // dirty rows hold nulls and text where numbers belong: skipped rows must stay in step
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 5_000).withDirtyShare(0.2), csv);
  }

  @Test
  void shouldCutAFileOfOneRowGroupIntoTheWantedRanges() throws Exception {
    Path file = parquet(ParquetTripSchema.Options.published(), "one_group");

    List<ParquetRowRange> ranges = ParquetRowRange.cut(new LocalInputFile(file), 3);

    assertThat(ranges)
        .extracting(ParquetRowRange::rowGroup, ParquetRowRange::first, ParquetRowRange::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 0L, 1_666L),
            org.assertj.core.groups.Tuple.tuple(0, 1_666L, 1_667L),
            org.assertj.core.groups.Tuple.tuple(0, 3_333L, 1_667L));
    assertThat(ranges)
        .extracting(ParquetRowRange::firstRowNumber)
        .containsExactly(1L, 1_667L, 3_334L);
  }

  @Test
  void shouldReadThreeRangesOfOneRowGroupAsTheWholeFile() throws Exception {
    Path file = parquet(ParquetTripSchema.Options.published(), "one_group");

    assertThat(rows(file, 3, true)).hasSize(5_000).isEqualTo(rows(file, 1, true));
  }

  /** pyarrow, which writes most published files, writes no offset index by default. */
  @Test
  void shouldReadThreeRangesOfOneRowGroupAsTheWholeFileWithoutItsOffsetIndex() throws Exception {
    Path file = parquet(ParquetTripSchema.Options.published(), "one_group");

    assertThat(rows(file, 3, false)).hasSize(5_000).isEqualTo(rows(file, 1, true));
  }

  @Test
  void shouldReadRangesOfSeveralRowGroupsAsTheWholeFile() throws Exception {
    Path file = parquet(SMALL_GROUPS, "small_groups");

    assertThat(ParquetRowRange.cut(new LocalInputFile(file), 1)).hasSizeGreaterThan(2);
    assertThat(rows(file, 50, true)).hasSize(5_000).isEqualTo(rows(file, 1, true));
  }

  @Test
  void shouldLetTheLocalParsersReadTheirOwnRangesOfAFileWithAnOffsetIndex() throws Exception {
    Path file = parquet(ParquetTripSchema.Options.published(), "one_group");

    BatchSource<?> source = ParquetTrips.open(InputFile.of(file.toString(), file)).source();

    assertThat(source).isInstanceOf(ParquetRangeTrips.class);
  }

  private static List<String> rows(Path file, int wanted, boolean usePageIndex) throws Exception {
    return rows(new LocalInputFile(file), wanted, usePageIndex);
  }

  /** Each row's number and values, reading the file's ranges in order with one reader. */
  static List<String> rows(org.apache.parquet.io.InputFile input, int wanted, boolean usePageIndex)
      throws Exception {
    List<String> rows = new ArrayList<>();
    try (ParquetRangeReader reader =
        ParquetRangeReader.open(input, ParquetLayout.YELLOW_2010, usePageIndex)) {
      for (ParquetRowRange range : ParquetRowRange.cut(input, wanted)) {
        reader.start(range);
        ValueRow row = new ValueRow();
        for (long number = reader.next(row); number != 0; number = reader.next(row)) {
          rows.add(number + ": " + row.raw());
        }
      }
    }
    return rows;
  }

  private static Path parquet(ParquetTripSchema.Options options, String name) throws Exception {
    Path file = dir.resolve(name + ".parquet");
    if (!file.toFile().exists()) {
      new ParquetTripWriter(ParquetLayout.YELLOW_2010, options).convert(csv, file);
    }
    return file;
  }
}
