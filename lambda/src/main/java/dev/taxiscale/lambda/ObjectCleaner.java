package dev.taxiscale.lambda;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.NormalizedCsv;
import dev.taxiscale.core.format.TripLineProcessor;
import dev.taxiscale.core.format.UnknownFormatException;
import dev.taxiscale.s3.CleanObjects;
import dev.taxiscale.s3.ObjectChangedException;
import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3ObjectInfo;
import dev.taxiscale.s3.S3Objects;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.ZipException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams one raw object through the same parse and clean code the ingest engines run, writing the
 * kept trips as normalized CSV and the reject counts as JSON beside them.
 */
final class ObjectCleaner {
  /** Kept rows are handed to the upload in batches of about this many bytes. */
  private static final int BATCH_CHARS = 1 << 20;

  /** The bytes a Parquet file starts with. */
  private static final String PARQUET_MAGIC = "PAR1";

  /**
   * The function writes CSV a line at a time from CSV read a line at a time; Parquet needs random
   * access and the ingest module's readers, which the function does not carry.
   */
  static final String PARQUET =
      "a Parquet file, which the function does not clean; load it with 'taxiscale ingest' instead";

  private final S3Client client;
  private final S3Objects objects;
  private final CleanSettings settings;

  ObjectCleaner(S3Client client, CleanSettings settings) {
    this.client = client;
    this.objects = new S3Objects(client);
    this.settings = settings;
  }

  /**
   * Cleans one raw object.
   *
   * @throws BadObjectException when trying again cannot help
   * @throws IOException when reading failed in a way a retry may not meet
   */
  CleanSummary clean(S3Location raw) throws BadObjectException, IOException {
    S3ObjectInfo object = find(raw);
    String bucket = settings.bucketFor(raw.bucket());
    String csvKey = CleanObjects.csvKey(settings.rawPrefix(), settings.cleanPrefix(), raw.key());
    Map<Reason, Long> rejects = new EnumMap<>(Reason.class);
    long kept;
    try (BufferedReader reader = open(object)) {
      TripLineProcessor processor = processorFor(reader);
      MultipartWriter out = new MultipartWriter(client, bucket, csvKey);
      try {
        kept = copyKept(reader, processor, out, rejects);
        out.complete();
      } catch (IOException | RuntimeException e) {
        out.abort();
        throw e;
      }
    } catch (ObjectChangedException e) {
      throw new BadObjectException(e.getMessage(), e);
    } catch (ZipException | EOFException e) {
      if (e instanceof EOFException && !String.valueOf(e.getMessage()).contains("ZLIB")) {
        throw e;
      }
      throw new BadObjectException("corrupt or truncated gzip data (" + e.getMessage() + ")", e);
    }
    long rowsIn = kept + rejects.values().stream().mapToLong(Long::longValue).sum();
    CleanSummary summary =
        new CleanSummary(
            raw.toString(), object.etag(), "s3://" + bucket + "/" + csvKey, rowsIn, kept, rejects);
    String summaryKey =
        CleanObjects.summaryKey(settings.rawPrefix(), settings.cleanPrefix(), raw.key());
    client.putObject(
        b -> b.bucket(bucket).key(summaryKey).contentType("application/json"),
        software.amazon.awssdk.core.sync.RequestBody.fromString(summary.toJson()));
    return summary;
  }

  private S3ObjectInfo find(S3Location raw) throws BadObjectException {
    try {
      return objects.find(raw).get(0);
    } catch (IOException e) {
      throw new BadObjectException(e.getMessage(), e);
    }
  }

  private BufferedReader open(S3ObjectInfo object) throws IOException {
    return new BufferedReader(
        new InputStreamReader(Gzip.decompressed(objects.open(object)), StandardCharsets.UTF_8),
        1 << 16);
  }

  private static TripLineProcessor processorFor(BufferedReader reader)
      throws IOException, BadObjectException {
    if (startsWithParquetMagic(reader)) {
      throw new BadObjectException(PARQUET, null);
    }
    String header = Gzip.firstLine(reader);
    if (header == null) {
      throw new BadObjectException("not a trip CSV: no header line in the first 64 KiB", null);
    }
    try {
      return TripLineProcessor.forHeader(header);
    } catch (UnknownFormatException e) {
      throw new BadObjectException(
          "not a trip CSV: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  /** Looks at the first characters and puts them back. */
  private static boolean startsWithParquetMagic(BufferedReader reader) throws IOException {
    char[] head = new char[PARQUET_MAGIC.length()];
    reader.mark(head.length);
    int n = 0;
    while (n < head.length) {
      int read = reader.read(head, n, head.length - n);
      if (read < 0) {
        break;
      }
      n += read;
    }
    reader.reset();
    return PARQUET_MAGIC.equals(new String(head, 0, n));
  }

  private static long copyKept(
      BufferedReader reader,
      TripLineProcessor processor,
      MultipartWriter out,
      Map<Reason, Long> rejects)
      throws IOException {
    StringBuilder batch = new StringBuilder(BATCH_CHARS + 4096);
    batch.append(NormalizedCsv.HEADER).append('\n');
    long kept = 0;
    long lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (TripLineProcessor.isBlank(line)) {
        continue;
      }
      Outcome outcome = processor.process(line, 0, lineNumber);
      if (outcome instanceof Outcome.Kept k) {
        batch.append(NormalizedCsv.line(k.trip())).append('\n');
        kept++;
      } else if (outcome instanceof Outcome.Rejected r) {
        rejects.merge(r.reason(), 1L, Long::sum);
      }
      if (batch.length() >= BATCH_CHARS) {
        out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        batch.setLength(0);
      }
    }
    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
    return kept;
  }
}
