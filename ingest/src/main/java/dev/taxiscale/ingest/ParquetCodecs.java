package dev.taxiscale.ingest;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for the codecs published trip files use (ZSTD, SNAPPY, GZIP to read; ZSTD and
 * SNAPPY to write; none), straight on zstd-jni and snappy-java: parquet-java's own factory goes
 * through Hadoop's codec classes.
 */
final class ParquetCodecs implements CompressionCodecFactory {

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Compressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Decompressor(codec);
  }

  @Override
  public void release() {
    // nothing pooled
  }

  private record Compressor(CompressionCodecName codec) implements BytesInputCompressor {
    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] in = bytes.toByteArray();
      return switch (codec) {
        case UNCOMPRESSED -> BytesInput.from(in);
        case ZSTD -> BytesInput.from(Zstd.compress(in));
        case SNAPPY -> BytesInput.from(Snappy.compress(in));
        default -> throw new IOException("writing Parquet with " + codec + " is not supported");
      };
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
      // nothing pooled
    }
  }

  private record Decompressor(CompressionCodecName codec) implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      byte[] in = bytes.toByteArray();
      return BytesInput.from(decompress(in, uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int size)
        throws IOException {
      byte[] bytes = new byte[compressedSize];
      in.get(bytes);
      out.put(decompress(bytes, size));
    }

    private byte[] decompress(byte[] in, int size) throws IOException {
      switch (codec) {
        case UNCOMPRESSED:
          return in;
        case ZSTD:
          return Zstd.decompress(in, size);
        case SNAPPY:
          byte[] out = new byte[size];
          Snappy.uncompress(in, 0, in.length, out, 0);
          return out;
        case GZIP:
          try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in))) {
            return gzip.readNBytes(size);
          }
        default:
          throw new IOException("Parquet codec " + codec + " is not supported");
      }
    }

    @Override
    public void release() {
      // nothing pooled
    }
  }
}
