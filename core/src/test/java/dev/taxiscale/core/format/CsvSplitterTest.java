package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSplitterTest {

  private static List<String> fields(String line) {
    int count = CsvSplitter.count(line);
    int[] starts = new int[count];
    int[] ends = new int[count];
    CsvSplitter.split(line, starts, ends);
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      fields.add(line.substring(starts[i], ends[i]));
    }
    return fields;
  }

  @Test
  void shouldSplitPlainFields() {
    assertThat(fields("a,b,c")).containsExactly("a", "b", "c");
  }

  @Test
  void shouldKeepEmptyFieldsIncludingTrailingOnes() {
    assertThat(fields("a,,b,,")).containsExactly("a", "", "b", "", "");
  }

  @Test
  void shouldUnquoteFieldsAndKeepCommasInsideQuotes() {
    assertThat(fields("\"7/4/2014 9:05:00\",40.75,\"a,b\""))
        .containsExactly("7/4/2014 9:05:00", "40.75", "a,b");
  }

  @Test
  void shouldTrimSpacesAroundUnquotedFields() {
    assertThat(fields("vendor_id, pickup_datetime ,x"))
        .containsExactly("vendor_id", "pickup_datetime", "x");
  }

  @Test
  void shouldIgnoreATrailingCarriageReturn() {
    assertThat(fields("a,b\r")).containsExactly("a", "b");
  }

  @Test
  void shouldEndAnUnterminatedQuoteAtTheLineEnd() {
    assertThat(fields("x,\"7/4/2014 9:0")).containsExactly("x", "7/4/2014 9:0");
  }

  @Test
  void shouldRecordOnlyAsManyFieldsAsAskedButCountAll() {
    int[] starts = new int[1];
    int[] ends = new int[1];

    assertThat(CsvSplitter.split("a,b,c,,", starts, ends)).isEqualTo(5);
  }
}
