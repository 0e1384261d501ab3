package dev.taxiscale.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a file's bytes cheaply: its size plus SHA-256 hashes of the first and last 64 KiB.
 *
 * <p>Hashing whole multi-gigabyte files would cost as much as loading them; a changed file almost
 * always changes in size or at an end (appended rows, a re-export), and the full path plays no
 * part, so a moved or renamed file is still recognized.
 */
public final class Fingerprint {
  static final int BLOCK = 64 * 1024;

  private Fingerprint() {}

  /** e.g. {@code 1048576:3f2a...:9bc1...}. */
  public static String of(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      String head = sha256(channel, 0, (int) Math.min(BLOCK, size));
      long tailStart = Math.max(0, size - BLOCK);
      String tail = sha256(channel, tailStart, (int) (size - tailStart));
      return size + ":" + head + ":" + tail;
    }
  }

  private static String sha256(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    buffer.flip();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(buffer);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
