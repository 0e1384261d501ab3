package dev.taxiscale.spark;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.FileContext;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.core.zone.ZoneMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.StructField;

/**
 * A Parquet file read by Spark's own Parquet source: only the columns its layout maps, found by
 * case-insensitive name as the local engine finds them, each record numbered by its row in the file
 * ({@code _metadata.row_index}), so trip ids (and the points placed in zones from them) equal the
 * local engine's whatever the splits.
 *
 * @param zones the taxi zones a zone-based layout's trips are placed in, else null
 */
record ParquetRows(ParquetLayout layout, ZoneMap zones) implements RowSource {
  /** The file-source metadata column Spark fills with a record's 0-based row in its file. */
  static final String ROW_INDEX = "_metadata.row_index";

  @Override
  public JavaRDD<LineResult> results(
      SparkSession spark, SparkInputs.HadoopPath path, int fileId, int minPartitions) {
    Dataset<Row> file =
        spark
            .read()
            .options(path.settings())
            // dates before 1582 as written (proleptic Gregorian), as the local engine reads them
            .option("datetimeRebaseMode", "CORRECTED")
            .option("int96RebaseMode", "CORRECTED")
            .parquet(path.uri());
    List<Column> columns = new ArrayList<>();
    List<Boolean> nanosAdjusted = new ArrayList<>();
    List<org.apache.spark.sql.Column> selected = new ArrayList<>();
    List<String> names = flatNames(file);
    int[] indexes = match(names).indexes();
    NanosTimes nanos = NanosTimes.of(path, spark.sparkContext().hadoopConfiguration());
    for (Column column : Column.values()) {
      int index = indexes[column.ordinal()];
      if (index >= 0) {
        String name = names.get(index);
        columns.add(column);
        nanosAdjusted.add(nanos.isNanos(name) ? nanos.adjusted(name) : null);
        selected.add(functions.col(quoted(name)));
      }
    }
    selected.add(functions.col(ROW_INDEX));
    JavaRDD<Row> records =
        file.select(selected.toArray(org.apache.spark.sql.Column[]::new)).javaRDD();
    if (records.getNumPartitions() < minPartitions) {
      records = records.repartition(minPartitions);
    }
    // each executor deserializes the zones and prepares their shapes once, not once per task
    Broadcast<ZoneMap> shared =
        zones == null
            ? null
            : JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(zones);
    return records.mapPartitions(
        new ProcessRecords(
            layout,
            columns.toArray(Column[]::new),
            fileId,
            // the month the file is named for, as the local engine checks it
            FileContext.monthOf(path.uri().substring(path.uri().lastIndexOf('/') + 1)),
            shared,
            nanosAdjusted.toArray(Boolean[]::new)));
  }

  /** The top-level columns holding plain values, as the local engine lists the footer's. */
  private static List<String> flatNames(Dataset<Row> file) {
    return Arrays.stream(file.schema().fields())
        .filter(field -> field.dataType() instanceof AtomicType)
        .map(StructField::name)
        .toList();
  }

  /** The driver checked this layout from the footer; Spark's schema must show the same. */
  private ParquetLayout.Match match(List<String> names) {
    try {
      ParquetLayout.Match match = ParquetLayout.detect(names);
      if (match.layout() == layout) {
        return match;
      }
    } catch (UnknownFormatException e) {
      // reported below with the names Spark saw
    }
    throw new IllegalStateException(
        "Spark reads columns " + names + " where the footer showed the layout " + layout);
  }

  /** Backticks, so a name with dots or spaces is read as one column. */
  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
