package dev.taxiscale.store.query;

import dev.taxiscale.core.query.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Appends a notice to a result's list, which records hold unmodifiable. */
final class Notices {
  private Notices() {}

  /** {@code found}, or when there is a {@code notice} the result {@code withNotices} makes. */
  static <R extends QueryResult> R added(
      R found, Optional<String> notice, Function<List<String>, R> withNotices) {
    return notice.map(n -> withNotices.apply(plus(found.notices(), n))).orElse(found);
  }

  static List<String> plus(List<String> notices, String notice) {
    List<String> all = new ArrayList<>(notices);
    all.add(notice);
    return all;
  }
}
