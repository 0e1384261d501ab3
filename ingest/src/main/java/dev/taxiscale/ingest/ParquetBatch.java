package dev.taxiscale.ingest;

/**
 * A run of consecutive Parquet records, column by column.
 *
 * @param values per {@code Column} ordinal, the run's values, or null when the file lacks it
 * @param firstRow the 1-based row number of the first record in the file
 */
record ParquetBatch(Object[][] values, int rows, long firstRow) {}
