package dev.taxiscale.core.format;

/**
 * Finds field boundaries in one CSV line without allocating: fields may be double-quoted, spaces
 * around unquoted fields are trimmed, and a trailing CR is ignored.
 *
 * <p>Quoted fields keep a doubled quote ({@code ""}) as two characters: no field taxiscale reads
 * contains one, and unescaping would cost a copy of every quoted field.
 */
final class CsvSplitter {
  private CsvSplitter() {}

  /** The number of fields in the line. */
  static int count(String line) {
    return split(line, new int[0], new int[0]);
  }

  /**
   * Records the start (inclusive) and end (exclusive) of the first {@code starts.length} fields and
   * returns how many fields the line has in all.
   */
  static int split(String line, int[] starts, int[] ends) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    int field = 0;
    int pos = 0;
    while (true) {
      int start = skipSpaces(line, pos, end);
      int fieldStart;
      int fieldEnd;
      int next;
      if (start < end && line.charAt(start) == '"') {
        fieldStart = start + 1;
        fieldEnd = closingQuote(line, fieldStart, end);
        next = indexOfComma(line, Math.min(fieldEnd + 1, end), end);
      } else {
        fieldStart = start;
        next = indexOfComma(line, start, end);
        fieldEnd = trimEnd(line, fieldStart, next);
      }
      if (field < starts.length) {
        starts[field] = fieldStart;
        ends[field] = fieldEnd;
      }
      field++;
      if (next >= end) {
        return field;
      }
      pos = next + 1;
    }
  }

  private static int closingQuote(String line, int from, int end) {
    int i = from;
    while (i < end) {
      if (line.charAt(i) == '"') {
        if (i + 1 < end && line.charAt(i + 1) == '"') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return end; // unterminated: the line was cut inside a quoted field
  }

  private static int indexOfComma(String line, int from, int end) {
    for (int i = from; i < end; i++) {
      if (line.charAt(i) == ',') {
        return i;
      }
    }
    return end;
  }

  private static int skipSpaces(String line, int from, int end) {
    int i = from;
    while (i < end && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int trimEnd(String line, int start, int end) {
    int i = end;
    while (i > start && line.charAt(i - 1) == ' ') {
      i--;
    }
    return i;
  }
}
