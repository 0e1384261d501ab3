package dev.taxiscale.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The load rates of the same trips from CSV and from Parquet, measured round by round: the best of
 * each format and the median of the rounds' Parquet / CSV ratios.
 *
 * <p>A round's two loads run back to back, so a busy minute on a shared host (another tenant, a
 * checkpoint) slows both alike and their ratio keeps; the two bests may come from different,
 * luckier minutes, which on these machines moved the ratio of bests by ±0.2 from run to run. The
 * order of the two loads alternates between rounds so that neither format always runs second.
 */
public final class PairedRounds {
  /** One round's rates, rows read per second. */
  public record Round(double csv, double parquet) {
    public Round {
      if (!(csv > 0) || !(parquet > 0)) {
        throw new IllegalArgumentException(
            "rates must be > 0 rows/s, got CSV " + csv + " and Parquet " + parquet);
      }
    }

    double ratio() {
      return parquet / csv;
    }
  }

  /** Measures one format's rate, in rows read per second. */
  public interface Rate {
    double measure() throws Exception;
  }

  private final List<Round> rounds = new ArrayList<>();

  /** Measures round {@code round} (from 1), its two loads in the order {@link #csvFirst} gives. */
  public static Round measure(int round, Rate csv, Rate parquet) throws Exception {
    if (csvFirst(round)) {
      double csvRate = csv.measure();
      return new Round(csvRate, parquet.measure());
    }
    double parquetRate = parquet.measure();
    return new Round(csv.measure(), parquetRate);
  }

  /** Whether round {@code round} (from 1) loads the CSV file first. */
  public static boolean csvFirst(int round) {
    return round % 2 == 1;
  }

  /** Records a round. */
  public void add(Round round) {
    rounds.add(round);
  }

  /** The median of the rounds' Parquet / CSV ratios (of the middle two for an even count). */
  public double medianRatio() {
    if (rounds.isEmpty()) {
      throw new IllegalStateException("no round was measured");
    }
    double[] ratios = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
    int middle = ratios.length / 2;
    return ratios.length % 2 == 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
  }

  /**
   * One line: the best rate of each format and their ratio, then each round's ratio and their
   * median, for example {@code CSV 150,000 rows/s, Parquet 145,000 rows/s, Parquet / CSV = 0.97;
   * per round 1.10, 0.95, 1.02: median 1.02}.
   */
  public String summary() {
    double bestCsv = rounds.stream().mapToDouble(Round::csv).max().orElse(0);
    double bestParquet = rounds.stream().mapToDouble(Round::parquet).max().orElse(0);
    String perRound =
        rounds.stream()
            .map(r -> String.format(Locale.ROOT, "%.2f", r.ratio()))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "CSV %,.0f rows/s, Parquet %,.0f rows/s, Parquet / CSV = %.2f; per round %s: median %.2f",
        bestCsv,
        bestParquet,
        bestParquet / bestCsv,
        perRound,
        medianRatio());
  }
}
