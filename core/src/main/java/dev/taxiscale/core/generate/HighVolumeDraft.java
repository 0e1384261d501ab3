package dev.taxiscale.core.generate;

import static dev.taxiscale.core.format.Column.*;

import dev.taxiscale.core.format.Column;
import dev.taxiscale.core.format.ValueRow;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Draws the high-volume for-hire fields of a generated trip, which the CSV formats it is copied
 * from lack: the same row number always gets the same values, whatever else the file holds. Shares
 * are about what the TLC's files show: most trips untipped, a few shared or wheelchair-accessible,
 * a blank Access-A-Ride flag for some bases.
 */
public final class HighVolumeDraft {
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** What the driver gets of the base fare; real pay varies more, which no test needs. */
  private static final double DRIVER_SHARE = 0.72;

  private HighVolumeDraft() {}

  /**
   * Sets the texts of the nine fields, by {@code Column} ordinal, from the row's pickup time and
   * fare where it has them.
   */
  public static void fill(String[] texts, long rowNumber) {
    long bits = new Rng(rowNumber).nextLong();
    LocalDateTime pickup = pickup(texts[PICKUP_AT.ordinal()]);
    if (pickup != null) {
      long waited = 60 + (bits & 0x1ff);
      LocalDateTime requested = pickup.minusSeconds(waited);
      set(texts, REQUEST_AT, TEXT_TIME.format(requested));
      // arrival is recorded for most trips only, some time between request and pickup
      if (((bits >>> 9) & 3) != 0) {
        set(
            texts,
            ON_SCENE_AT,
            TEXT_TIME.format(requested.plusSeconds(waited * bits(bits, 11, 7) / 8)));
      }
    }
    boolean tipped = bits(bits, 14, 3) == 0;
    set(texts, TIPS, tipped ? cents(bits(bits, 16, 1023)) : "0.0");
    Double fare = fare(texts[FARE.ordinal()]);
    if (fare != null) {
      set(texts, DRIVER_PAY, cents(Math.round(fare * DRIVER_SHARE * 100)));
    }
    boolean shared = bits(bits, 26, 15) == 0;
    set(texts, SHARED_REQUEST, flag(shared));
    set(texts, SHARED_MATCH, flag(shared && bits(bits, 30, 1) == 1));
    set(texts, ACCESS_A_RIDE, bits(bits, 31, 3) == 0 ? " " : "N");
    set(texts, WAV_REQUEST, flag(bits(bits, 33, 31) == 0));
    set(texts, WAV_MATCH, flag(bits(bits, 38, 7) == 0));
  }

  private static void set(String[] texts, Column column, String text) {
    texts[column.ordinal()] = text;
  }

  private static long bits(long bits, int shift, int mask) {
    return (bits >>> shift) & mask;
  }

  private static String flag(boolean yes) {
    return yes ? "Y" : "N";
  }

  private static String cents(long cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  /** The pickup as the CSV row gives it, or null where the generator garbled or left it out. */
  private static LocalDateTime pickup(String text) {
    ValueRow row = new ValueRow();
    row.set(PICKUP_AT, text);
    try {
      return row.optionalTimestamp(PICKUP_AT);
    } catch (RuntimeException garbled) {
      return null;
    }
  }

  private static Double fare(String text) {
    try {
      double fare = Double.parseDouble(text.trim());
      return fare >= 0 && Double.isFinite(fare) ? fare : null;
    } catch (RuntimeException absentOrGarbled) {
      return null;
    }
  }
}
