package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.CorruptDeltaByteArrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.RequiresPreviousReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;

/**
 * One flat column of a row group (or of the pages a row range needs), decoded a page at a time into
 * the Java values {@link ParquetValues} gives.
 *
 * <p>Why not parquet-java's record-level {@code ColumnReader}: it reads every definition level and
 * value through several calls that check for the page's end, about half of what reading Parquet
 * cost beyond reading CSV in a profile of the parse thread. Here a page's levels and values are
 * decoded in one pass each, a dictionary's entries are converted once per row group instead of once
 * per row (most codes and amounts), and plain numbers are read straight from the page's bytes.
 * Other encodings go through parquet-java's own value readers.
 *
 * <p>Trip files are flat, so a row is one value and a page's rows follow one another; pages read
 * for a row range say which row they start at. Not thread-safe.
 */
final class PageColumn {
  private static final Object[] NO_VALUES = new Object[0];

  private final PageReader pages;
  private final ColumnDescriptor descriptor;
  private final ParquetValues.Reader reader;
  private final int maxDefinition;
  private final Dictionary dictionary;
  private final String createdBy;
  private Object[] entries;

  /** The last page's reader of another encoding than plain and dictionary, or null. */
  private ValuesReader previous;

  private Object[] page = NO_VALUES;
  private int position;

  /** The row-group row of {@code page[position]}. */
  private long row;

  /**
   * @param createdBy the writer the file's footer names
   */
  PageColumn(PageReader pages, ColumnDescriptor descriptor, String createdBy) {
    if (descriptor.getMaxRepetitionLevel() > 0) {
      throw new ParquetDecodingException(
          "column " + String.join(".", descriptor.getPath()) + " repeats: trip files are flat");
    }
    this.pages = pages;
    this.descriptor = descriptor;
    this.reader = ParquetValues.readerFor(descriptor.getPrimitiveType());
    this.maxDefinition = descriptor.getMaxDefinitionLevel();
    this.createdBy = createdBy;
    DictionaryPage dictionaryPage = pages.readDictionaryPage();
    try {
      this.dictionary =
          dictionaryPage == null
              ? null
              : dictionaryPage.getEncoding().initDictionary(descriptor, dictionaryPage);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves to row {@code target} of the row group, at or after the current one. */
  void skipTo(long target) {
    while (true) {
      long end = row + (page.length - position);
      if (target < end) {
        if (target < row) {
          throw new ParquetDecodingException(
              "row " + target + " was asked for after row " + row + " of the column was read");
        }
        position += (int) (target - row);
        row = target;
        return;
      }
      nextPage();
    }
  }

  /** Puts the next {@code count} rows' values into {@code out}, a null for each missing value. */
  void read(Object[] out, int count) {
    for (int done = 0; done < count; ) {
      if (position == page.length) {
        nextPage();
      }
      int n = Math.min(count - done, page.length - position);
      System.arraycopy(page, position, out, done, n);
      position += n;
      row += n;
      done += n;
    }
  }

  private void nextPage() {
    long next = row + (page.length - position);
    DataPage data = pages.readPage();
    if (data == null) {
      throw new ParquetDecodingException(
          "column " + String.join(".", descriptor.getPath()) + " ends before row " + next);
    }
    page = data.accept(new Decoder());
    position = 0;
    // pages read for a row range may leave out the pages before it
    row = data.getFirstRowIndex().orElse(next);
  }

  /** Decodes a whole page. */
  private final class Decoder implements DataPage.Visitor<Object[]> {
    @Override
    public Object[] visit(DataPageV1 data) {
      try {
        int count = data.getValueCount();
        ByteBufferInputStream in = data.getBytes().toInputStream();
        int[] levels = null;
        if (maxDefinition > 0) {
          ValuesReader definitions =
              data.getDlEncoding().getValuesReader(descriptor, ValuesType.DEFINITION_LEVEL);
          definitions.initFromPage(count, in);
          levels = new int[count];
          for (int i = 0; i < count; i++) {
            levels[i] = definitions.readInteger();
          }
        }
        return values(data.getValueEncoding(), in, count, levels);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Object[] visit(DataPageV2 data) {
      try {
        int count = data.getValueCount();
        int[] levels = null;
        if (maxDefinition > 0) {
          // version 2 pages keep their levels apart, always in the hybrid encoding
          RunLengthBitPackingHybridDecoder definitions =
              new RunLengthBitPackingHybridDecoder(
                  BytesUtils.getWidthFromMaxInt(maxDefinition),
                  data.getDefinitionLevels().toInputStream());
          levels = new int[count];
          for (int i = 0; i < count; i++) {
            levels[i] = definitions.readInt();
          }
        }
        return values(data.getDataEncoding(), data.getData().toInputStream(), count, levels);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Object[] values(Encoding encoding, ByteBufferInputStream in, int count, int[] levels)
      throws IOException {
    Object[] values = new Object[count];
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new ParquetDecodingException(
            "column " + String.join(".", descriptor.getPath()) + " has no dictionary page");
      }
      Object[] converted = entries();
      ValuesReader ids =
          encoding.getDictionaryBasedValuesReader(descriptor, ValuesType.VALUES, dictionary);
      ids.initFromPage(count, in);
      for (int i = 0; i < count; i++) {
        if (defined(levels, i)) {
          values[i] = converted[ids.readValueDictionaryId()];
        }
      }
      return values;
    }
    ParquetValues.Source source =
        encoding == Encoding.PLAIN && fixedWidth()
            ? new PlainSource(in.slice(in.available()).order(ByteOrder.LITTLE_ENDIAN))
            : new ReaderSource(valuesReader(encoding, in, count));
    for (int i = 0; i < count; i++) {
      if (defined(levels, i)) {
        values[i] = reader.read(source);
      }
    }
    return values;
  }

  private ValuesReader valuesReader(Encoding encoding, ByteBufferInputStream in, int count)
      throws IOException {
    ValuesReader values = encoding.getValuesReader(descriptor, ValuesType.VALUES);
    // parquet-mr before 1.8 wrote delta-encoded text whose pages go on from the page before
    // (PARQUET-246); parquet-java's record reader hands the last page's reader over the same way
    if (previous != null
        && values instanceof RequiresPreviousReader next
        && CorruptDeltaByteArrays.requiresSequentialReads(createdBy, encoding)) {
      next.setPreviousReader(previous);
    }
    values.initFromPage(count, in);
    previous = values;
    return values;
  }

  private boolean defined(int[] levels, int i) {
    return levels == null || levels[i] == maxDefinition;
  }

  private boolean fixedWidth() {
    return switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case INT32, INT64, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  /** The dictionary's entries as values, converted on first use: once per row group. */
  private Object[] entries() {
    if (entries == null) {
      entries = new Object[dictionary.getMaxId() + 1];
      DictionarySource source = new DictionarySource();
      for (source.id = 0; source.id < entries.length; source.id++) {
        entries[source.id] = reader.read(source);
      }
    }
    return entries;
  }

  /** Plain little-endian numbers. */
  private static final class PlainSource implements ParquetValues.Source {
    private final ByteBuffer bytes;

    PlainSource(ByteBuffer bytes) {
      this.bytes = bytes;
    }

    @Override
    public long getLong() {
      return bytes.getLong();
    }

    @Override
    public int getInteger() {
      return bytes.getInt();
    }

    @Override
    public double getDouble() {
      return bytes.getDouble();
    }

    @Override
    public float getFloat() {
      return bytes.getFloat();
    }

    @Override
    public Binary getBinary() {
      throw new UnsupportedOperationException("a plain number column holds no bytes");
    }

    @Override
    public boolean getBoolean() {
      throw new UnsupportedOperationException("a plain number column holds no booleans");
    }
  }

  /** Values of any other encoding, through parquet-java's reader of it. */
  private static final class ReaderSource implements ParquetValues.Source {
    private final ValuesReader values;

    ReaderSource(ValuesReader values) {
      this.values = values;
    }

    @Override
    public long getLong() {
      return values.readLong();
    }

    @Override
    public int getInteger() {
      return values.readInteger();
    }

    @Override
    public double getDouble() {
      return values.readDouble();
    }

    @Override
    public float getFloat() {
      return values.readFloat();
    }

    @Override
    public Binary getBinary() {
      return values.readBytes();
    }

    @Override
    public boolean getBoolean() {
      return values.readBoolean();
    }
  }

  /** The dictionary entry {@code id}. */
  private final class DictionarySource implements ParquetValues.Source {
    private int id;

    @Override
    public long getLong() {
      return dictionary.decodeToLong(id);
    }

    @Override
    public int getInteger() {
      return dictionary.decodeToInt(id);
    }

    @Override
    public double getDouble() {
      return dictionary.decodeToDouble(id);
    }

    @Override
    public float getFloat() {
      return dictionary.decodeToFloat(id);
    }

    @Override
    public Binary getBinary() {
      return dictionary.decodeToBinary(id);
    }

    @Override
    public boolean getBoolean() {
      return dictionary.decodeToBoolean(id);
    }
  }
}
