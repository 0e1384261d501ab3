package dev.taxiscale.core.format;

import dev.taxiscale.core.clean.Reason;

/** A field that stops the row: thrown without a stack trace, as malformed rows are routine. */
final class BadField extends RuntimeException {
  final transient Reason reason;

  BadField(Reason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }
}
