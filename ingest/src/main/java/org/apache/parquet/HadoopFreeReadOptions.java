package org.apache.parquet;

import java.util.Map;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options built without touching Hadoop. Every public way to build {@link ParquetReadOptions}
 * in parquet-java 1.17 loads Hadoop classes ({@code ParquetInputFormat} extends a MapReduce type),
 * while its package-private constructor does not; this class lives in that package only to call it,
 * so the local engine reads Parquet with Hadoop off the classpath.
 */
public final class HadoopFreeReadOptions {
  /** Pages up to this size are read whole; TLC pages are about 1 MiB. */
  private static final int MAX_ALLOCATION = 8 << 20;

  private HadoopFreeReadOptions() {}

  /** Plain sequential reading: no filters, no checksums, no decryption. */
  public static ParquetReadOptions with(CompressionCodecFactory codecs) {
    return new ParquetReadOptions(
        true, // useSignedStringMinMax
        false, // useStatsFilter
        false, // useDictionaryFilter
        false, // useRecordFilter
        false, // useColumnIndexFilter
        false, // usePageChecksumVerification
        false, // useBloomFilter
        false, // useOffHeapDecryptBuffer
        false, // useHadoopVectoredIo
        FilterCompat.NOOP,
        ParquetMetadataConverter.NO_FILTER,
        codecs,
        new HeapByteBufferAllocator(),
        MAX_ALLOCATION,
        Map.of(),
        null,
        null,
        new PlainParquetConfiguration());
  }
}
