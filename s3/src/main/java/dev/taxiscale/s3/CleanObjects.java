package dev.taxiscale.s3;

/**
 * Where the cleaning function puts what it makes of a raw object {@code raw/<path>}: the kept rows
 * at {@code <clean prefix><path>.csv} and the reject counts at {@code <clean
 * prefix><path>.rejects.json}.
 */
public final class CleanObjects {
  public static final String CSV_SUFFIX = ".csv";
  public static final String SUMMARY_SUFFIX = ".rejects.json";

  /** Raw object names keep these endings in the clean name only once. */
  private static final String[] RAW_SUFFIXES = {".csv.gz", ".gz", ".csv"};

  private CleanObjects() {}

  /**
   * The kept rows of {@code rawKey}, e.g. {@code raw/2014/y.csv.gz} -> {@code clean/2014/y.csv}.
   */
  public static String csvKey(String rawPrefix, String cleanPrefix, String rawKey) {
    return cleanPrefix + stem(rawPrefix, rawKey) + CSV_SUFFIX;
  }

  /** The reject counts of {@code rawKey}, beside its kept rows. */
  public static String summaryKey(String rawPrefix, String cleanPrefix, String rawKey) {
    return cleanPrefix + stem(rawPrefix, rawKey) + SUMMARY_SUFFIX;
  }

  /** Whether a key holds reject counts rather than trips. */
  public static boolean isSummary(String key) {
    return key.endsWith(SUMMARY_SUFFIX);
  }

  private static String stem(String rawPrefix, String rawKey) {
    String path = rawKey.startsWith(rawPrefix) ? rawKey.substring(rawPrefix.length()) : rawKey;
    for (String suffix : RAW_SUFFIXES) {
      if (path.endsWith(suffix)) {
        return path.substring(0, path.length() - suffix.length());
      }
    }
    return path;
  }
}
