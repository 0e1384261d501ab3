package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.format.ValueRow;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page decoder gives every row the values parquet-java's record-level column readers give, for
 * the page versions and encodings writers choose, whole and in row ranges that start inside pages.
 */
class PageColumnTest {
  /** Typed times and codes, as the TLC writes them. */
  private static final ParquetTripSchema.Options TYPED =
      new ParquetTripSchema.Options(CompressionCodecName.ZSTD, 128 << 20, false, false);

  /** Times as text and codes as DOUBLE, as re-saved and some FHV files have them. */
  private static final ParquetTripSchema.Options DRIFTED =
      new ParquetTripSchema.Options(CompressionCodecName.SNAPPY, 128 << 20, true, true);

  @TempDir static Path dir;
  private static Path csv;

  @BeforeAll
  static void generateTrips() throws Exception {
    csv = dir.resolve("yellow_tripdata_2014-04.csv");
    // dirty rows hold nulls and text where numbers belong
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 4_000).withDirtyShare(0.2), csv);
  }

  @Test
  void shouldReadVersionOnePagesWithDictionariesAsParquetJavaDoes() throws Exception {
    Path file = parquet("v1_dictionary", TYPED, b -> b.withPageRowCountLimit(700));

    assertThat(encodings(file)).contains(Encoding.PLAIN_DICTIONARY);
    assertSameRows(file);
  }

  @Test
  void shouldReadVersionOnePlainPagesAsParquetJavaDoes() throws Exception {
    Path file =
        parquet("v1_plain", TYPED, b -> b.withDictionaryEncoding(false).withPageRowCountLimit(700));

    assertThat(encodings(file)).contains(Encoding.PLAIN).doesNotContain(Encoding.PLAIN_DICTIONARY);
    assertSameRows(file);
  }

  @Test
  void shouldReadVersionTwoPagesWithDictionariesAsParquetJavaDoes() throws Exception {
    Path file =
        parquet(
            "v2_dictionary",
            TYPED,
            b -> b.withWriterVersion(WriterVersion.PARQUET_2_0).withPageRowCountLimit(700));

    assertThat(encodings(file)).contains(Encoding.RLE_DICTIONARY);
    assertSameRows(file);
  }

  /** Without dictionaries, version 2 writes delta encodings: read by parquet-java's readers. */
  @Test
  void shouldReadVersionTwoDeltaPagesAsParquetJavaDoes() throws Exception {
    Path file =
        parquet(
            "v2_delta",
            TYPED,
            b ->
                b.withWriterVersion(WriterVersion.PARQUET_2_0)
                    .withDictionaryEncoding(false)
                    .withPageRowCountLimit(700));

    assertThat(encodings(file)).contains(Encoding.DELTA_BINARY_PACKED);
    assertSameRows(file);
  }

  @Test
  void shouldReadTimesAsTextAndCodesAsDoublesAsParquetJavaDoes() throws Exception {
    Path file = parquet("drifted", DRIFTED, b -> b.withPageRowCountLimit(700));

    assertSameRows(file);
  }

  private static void assertSameRows(Path file) throws Exception {
    List<String> expected = parquetJavaRows(file);
    assertThat(expected).hasSize(4_000);
    assertThat(ParquetRangeReaderTest.rows(new LocalInputFile(file), 1, true)).isEqualTo(expected);
    // ranges of 4,000 / 9 rows start inside the pages of 700
    assertThat(ParquetRangeReaderTest.rows(new LocalInputFile(file), 9, true)).isEqualTo(expected);
    assertThat(ParquetRangeReaderTest.rows(new LocalInputFile(file), 9, false)).isEqualTo(expected);
  }

  /** Each row's number and values as parquet-java's record-level column readers give them. */
  private static List<String> parquetJavaRows(Path file) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ParquetFileReader reader = ParquetProjection.open(new LocalInputFile(file))) {
      MessageType schema = reader.getFileMetaData().getSchema();
      ParquetProjection projection =
          ParquetProjection.of(
              schema, ParquetLayout.detect(ParquetProjection.plainColumns(schema)));
      projection.request(reader);
      ColumnDescriptor[] descriptors = projection.descriptors();
      long number = 1;
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(
                pages,
                new GroupRecordConverter(schema).getRootConverter(),
                schema,
                reader.getFileMetaData().getCreatedBy());
        ColumnReader[] columns = new ColumnReader[Column.COUNT];
        ParquetValues.Reader[] values = new ParquetValues.Reader[Column.COUNT];
        for (int c = 0; c < descriptors.length; c++) {
          if (descriptors[c] != null) {
            columns[c] = store.getColumnReader(descriptors[c]);
            values[c] = ParquetValues.readerFor(descriptors[c].getPrimitiveType());
          }
        }
        for (long r = 0; r < pages.getRowCount(); r++) {
          ValueRow row = new ValueRow();
          for (Column column : Column.values()) {
            ColumnReader current = columns[column.ordinal()];
            if (current != null) {
              Object value = null;
              if (current.getCurrentDefinitionLevel()
                  == descriptors[column.ordinal()].getMaxDefinitionLevel()) {
                value = values[column.ordinal()].read(source(current));
              }
              current.consume();
              row.set(column, value);
            }
          }
          rows.add(number++ + ": " + row.raw());
        }
      }
    }
    return rows;
  }

  private static ParquetValues.Source source(ColumnReader column) {
    return new ParquetValues.Source() {
      @Override
      public long getLong() {
        return column.getLong();
      }

      @Override
      public int getInteger() {
        return column.getInteger();
      }

      @Override
      public double getDouble() {
        return column.getDouble();
      }

      @Override
      public float getFloat() {
        return column.getFloat();
      }

      @Override
      public Binary getBinary() {
        return column.getBinary();
      }

      @Override
      public boolean getBoolean() {
        return column.getBoolean();
      }
    };
  }

  /** The encodings the file's column chunks use. */
  private static Set<Encoding> encodings(Path file) throws Exception {
    Set<Encoding> encodings = new TreeSet<>();
    try (ParquetFileReader reader = ParquetProjection.open(new LocalInputFile(file))) {
      for (BlockMetaData group : reader.getRowGroups()) {
        for (ColumnChunkMetaData chunk : group.getColumns()) {
          encodings.addAll(chunk.getEncodings());
        }
      }
    }
    return encodings;
  }

  private static Path parquet(
      String name,
      ParquetTripSchema.Options options,
      UnaryOperator<ExampleParquetWriter.Builder> tuning)
      throws Exception {
    Path file = dir.resolve(name + ".parquet");
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, options).tuned(tuning).convert(csv, file);
    return file;
  }
}
