package dev.taxiscale.ingest.zones;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The attribute table of a shapefile (dBASE III): one map of lower-cased field name to text. */
final class Dbf {
  private static final int DESCRIPTOR = 32;
  private static final byte END_OF_DESCRIPTORS = 0x0d;
  private static final byte DELETED = '*';

  private Dbf() {}

  static List<Map<String, String>> read(byte[] bytes, String name) throws IOException {
    try {
      return parse(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    } catch (RuntimeException e) {
      throw new IOException(name + ": not a dBASE table (" + e.getMessage() + ")", e);
    }
  }

  private static List<Map<String, String>> parse(ByteBuffer buf) {
    int records = buf.getInt(4);
    int headerLength = Short.toUnsignedInt(buf.getShort(8));
    int recordLength = Short.toUnsignedInt(buf.getShort(10));
    List<String> names = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (int at = DESCRIPTOR; buf.get(at) != END_OF_DESCRIPTORS; at += DESCRIPTOR) {
      names.add(text(buf, at, 11).toLowerCase(Locale.ROOT));
      lengths.add(Byte.toUnsignedInt(buf.get(at + 16)));
    }
    List<Map<String, String>> rows = new ArrayList<>(records);
    for (int record = 0; record < records; record++) {
      int at = headerLength + record * recordLength;
      if (buf.get(at) == DELETED) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      int field = at + 1;
      for (int i = 0; i < names.size(); i++) {
        row.put(names.get(i), text(buf, field, lengths.get(i)));
        field += lengths.get(i);
      }
      rows.add(row);
    }
    return rows;
  }

  /** A fixed-width field: padded with spaces or ended by a NUL. */
  private static String text(ByteBuffer buf, int at, int length) {
    byte[] raw = new byte[length];
    buf.get(at, raw);
    int end = 0;
    while (end < length && raw[end] != 0) {
      end++;
    }
    return new String(raw, 0, end, StandardCharsets.ISO_8859_1).trim();
  }
}
