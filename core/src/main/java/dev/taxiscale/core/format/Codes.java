package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Reason;

/**
 * Normalizes vendor and payment codes, which the formats spell differently: Yellow 2014 uses text
 * ({@code CMT}, {@code CRD}), the later formats numbers ({@code 1}, {@code 1}).
 */
final class Codes {
  static final String CARD = "card";
  static final String CASH = "cash";
  static final String NO_CHARGE = "no_charge";
  static final String DISPUTE = "dispute";
  static final String UNKNOWN = "unknown";
  static final String VOIDED = "voided";

  /** TLC's numeric payment types 1..6, in order. */
  private static final String[] PAYMENT_BY_NUMBER = {
    CARD, CASH, NO_CHARGE, DISPUTE, UNKNOWN, VOIDED
  };

  private Codes() {}

  /**
   * The vendor: TLC's numeric ids 1 and 2 become the text codes Yellow 2014 uses (Creative Mobile
   * Technologies and VeriFone); anything else, such as an Uber base code, is kept as written.
   */
  static String vendor(String s, int from, int to) {
    if (to - from == 1) {
      char c = s.charAt(from);
      if (c == '1') {
        return "CMT";
      }
      if (c == '2') {
        return "VTS";
      }
    }
    if (s.regionMatches(from, "CMT", 0, 3) && to - from == 3) {
      return "CMT";
    }
    if (s.regionMatches(from, "VTS", 0, 3) && to - from == 3) {
      return "VTS";
    }
    return s.substring(from, to);
  }

  /** The vendor of a numeric id, as {@link #vendor(String, int, int)} reads its digits. */
  static String vendor(long id) {
    return id == 1 ? "CMT" : id == 2 ? "VTS" : Long.toString(id);
  }

  /** The payment of a numeric type, as {@link #payment(String, int, int)} reads its digits. */
  static String payment(long type) {
    return type >= 1 && type <= PAYMENT_BY_NUMBER.length
        ? PAYMENT_BY_NUMBER[(int) type - 1]
        : UNKNOWN;
  }

  /**
   * The payment code: card, cash, no_charge, dispute, unknown or voided. Text codes are matched by
   * their first three letters, case-insensitively ({@code CRD}, {@code Cre}dit, {@code CAS}h); a
   * code outside both vocabularies is unknown.
   */
  static String payment(String s, int from, int to) {
    int length = to - from;
    if (length == 1) {
      int number = s.charAt(from) - '0';
      return number >= 1 && number <= PAYMENT_BY_NUMBER.length
          ? PAYMENT_BY_NUMBER[number - 1]
          : UNKNOWN;
    }
    if (length < 3) {
      return UNKNOWN;
    }
    // Compared by letters rather than a substring: this runs for every Yellow 2014 row.
    char a = Character.toUpperCase(s.charAt(from));
    char b = Character.toUpperCase(s.charAt(from + 1));
    char c = Character.toUpperCase(s.charAt(from + 2));
    // CRD, CREdit, and the normalized CARd
    if (a == 'C' && (b == 'R' && (c == 'D' || c == 'E') || b == 'A' && c == 'R')) {
      return CARD;
    }
    if (a == 'C' && ((b == 'S' && c == 'H') || (b == 'A' && c == 'S'))) {
      return CASH;
    }
    if (a == 'N' && b == 'O' && (c == 'C' || c == ' ' || c == '_')) {
      return NO_CHARGE;
    }
    if (a == 'D' && b == 'I' && c == 'S') {
      return DISPUTE;
    }
    return a == 'V' && b == 'O' && c == 'I' ? VOIDED : UNKNOWN;
  }

  /**
   * A yes/no flag of the high-volume for-hire files: {@code Y} or {@code N} in any case, or {@code
   * true}/{@code false} where a re-saved file stores it as BOOLEAN. Blank is absent, as the files
   * leave it for some bases; anything else is no flag at all, and the row is rejected as for a
   * malformed code.
   */
  static Boolean flag(Column column, String s, int from, int to) {
    int start = from;
    int end = to;
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    int length = end - start;
    if (length == 0) {
      return null;
    }
    if (length == 1) {
      char c = Character.toUpperCase(s.charAt(start));
      if (c == 'Y' || c == 'N') {
        return c == 'Y';
      }
    } else if (length == 4 && s.regionMatches(true, start, "true", 0, 4)) {
      return Boolean.TRUE;
    } else if (length == 5 && s.regionMatches(true, start, "false", 0, 5)) {
      return Boolean.FALSE;
    }
    throw new BadField(
        Reason.UNPARSEABLE_FLAG, column.label() + " '" + s.substring(from, to) + "' is not Y or N");
  }
}
