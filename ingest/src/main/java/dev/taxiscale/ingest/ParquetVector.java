package dev.taxiscale.ingest;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ValueRow;
import org.apache.parquet.column.ColumnReader;

/**
 * One column's values of a {@link ParquetBatch}, held as the file types them: numbers in primitive
 * arrays, set into {@link ValueRow} unboxed, the rest as the objects {@link ParquetValues} makes.
 * Boxing every number and testing its type again on every read took about a tenth of the Parquet
 * parse time in profiles.
 */
abstract class ParquetVector {
  /** Whether each record has a value; a missing one is set as null. */
  final boolean[] present;

  ParquetVector(int count) {
    this.present = new boolean[count];
  }

  /**
   * Reads the column's next records, one per slot; a definition level below {@code maxDefinition}
   * is a missing value.
   */
  abstract void fill(ColumnReader reader, int maxDefinition);

  /** Sets record {@code index}'s value of {@code column} in {@code row}, null where missing. */
  final void setIn(ValueRow row, Column column, int index) {
    if (present[index]) {
      put(row, column, index);
    } else {
      row.set(column, null);
    }
  }

  abstract void put(ValueRow row, Column column, int index);

  /** Floating-point values: DOUBLE as stored, or FLOAT and decimals converted. */
  static final class Numbers extends ParquetVector {
    private final double[] values;
    private final ParquetValues.NumberReader convert;

    /**
     * @param convert how to read a value that is no plain DOUBLE, else null
     */
    Numbers(int count, ParquetValues.NumberReader convert) {
      super(count);
      this.values = new double[count];
      this.convert = convert;
    }

    @Override
    void fill(ColumnReader reader, int maxDefinition) {
      for (int i = 0; i < values.length; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDefinition) {
          // the plain case called directly: one call site per conversion stays cheap
          values[i] = convert == null ? reader.getDouble() : convert.read(reader);
          present[i] = true;
        }
        reader.consume();
      }
    }

    @Override
    void put(ValueRow row, Column column, int index) {
      row.setNumber(column, values[index]);
    }
  }

  /** Whole numbers stored as INT64 or INT32 without a logical type. */
  static final class Wholes extends ParquetVector {
    private final long[] values;
    private final boolean int32;

    Wholes(int count, boolean int32) {
      super(count);
      this.values = new long[count];
      this.int32 = int32;
    }

    @Override
    void fill(ColumnReader reader, int maxDefinition) {
      for (int i = 0; i < values.length; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDefinition) {
          values[i] = int32 ? reader.getInteger() : reader.getLong();
          present[i] = true;
        }
        reader.consume();
      }
    }

    @Override
    void put(ValueRow row, Column column, int index) {
      row.setWhole(column, values[index]);
    }
  }

  /** Text, timestamps and flags, as objects. */
  static final class Objects extends ParquetVector {
    private final Object[] values;
    private final ParquetValues.Reader read;

    Objects(int count, ParquetValues.Reader read) {
      super(count);
      this.values = new Object[count];
      this.read = read;
    }

    @Override
    void fill(ColumnReader reader, int maxDefinition) {
      for (int i = 0; i < values.length; i++) {
        if (reader.getCurrentDefinitionLevel() == maxDefinition) {
          values[i] = read.read(reader);
          present[i] = true;
        }
        reader.consume();
      }
    }

    @Override
    void put(ValueRow row, Column column, int index) {
      row.set(column, values[index]);
    }
  }
}
