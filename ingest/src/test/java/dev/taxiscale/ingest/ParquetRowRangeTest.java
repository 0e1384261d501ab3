package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.junit.jupiter.api.Test;

class ParquetRowRangeTest {
  private static final long[] EVERY_20_000 = {0, 20_000, 40_000, 60_000, 80_000};

  @Test
  void shouldStartEveryRangeWhereAllColumnsStartAPage() throws Exception {
    List<ParquetRowRange> ranges =
        ParquetRowRange.cut(List.of(group(100_000)), 6, group -> EVERY_20_000);

    assertThat(ranges)
        .extracting(ParquetRowRange::first)
        .containsExactly(0L, 20_000L, 40_000L, 60_000L, 80_000L);
    assertThat(ranges).allSatisfy(range -> assertThat(range.rows()).isEqualTo(20_000L));
    assertThat(ranges).extracting(ParquetRowRange::firstRowNumber).startsWith(1L, 20_001L);
  }

  @Test
  void shouldCutExactlyWherePagesAreTooFewForTheRangesWanted() throws Exception {
    List<ParquetRowRange> ranges =
        ParquetRowRange.cut(List.of(group(100_000)), 12, group -> EVERY_20_000);

    assertThat(ranges).hasSize(12);
    assertThat(ranges.get(1).first()).isEqualTo(8_333L);
    assertThat(ranges.stream().mapToLong(ParquetRowRange::rows).sum()).isEqualTo(100_000L);
  }

  @Test
  void shouldTakeTheNearestPageStart() {
    assertThat(ParquetRowRange.nearest(EVERY_20_000, 33_333)).isEqualTo(40_000L);
    assertThat(ParquetRowRange.nearest(EVERY_20_000, 29_999)).isEqualTo(20_000L);
    assertThat(ParquetRowRange.nearest(EVERY_20_000, 95_000)).isEqualTo(80_000L);
    assertThat(ParquetRowRange.nearest(ParquetRowRange.ANY_ROW, 33_333)).isEqualTo(33_333L);
  }

  private static BlockMetaData group(long rows) {
    BlockMetaData group = new BlockMetaData();
    group.setRowCount(rows);
    return group;
  }
}
