package dev.taxiscale.spark;

import dev.taxiscale.core.clean.Outcome;
import java.io.Serializable;

/**
 * What became of one physical data line: a blank, a kept trip, or a rejection with its raw text.
 *
 * @param lineNumber 1-based physical line number in the file
 * @param outcome the processor's verdict; {@code null} for a blank line, which is not a row
 * @param rejectedLine the raw text of a rejected line, kept for the rejects sample; otherwise null
 */
record LineResult(long lineNumber, Outcome outcome, String rejectedLine) implements Serializable {

  static LineResult blank(long lineNumber) {
    return new LineResult(lineNumber, null, null);
  }

  static LineResult of(long lineNumber, String line, Outcome outcome) {
    return new LineResult(lineNumber, outcome, outcome instanceof Outcome.Kept ? null : line);
  }

  boolean isBlank() {
    return outcome == null;
  }

  boolean isKept() {
    return outcome instanceof Outcome.Kept;
  }

  boolean isRejected() {
    return outcome instanceof Outcome.Rejected;
  }
}
