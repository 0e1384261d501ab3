package dev.taxiscale.store.query;

import java.util.ArrayList;
import java.util.List;

/** Appends a notice to a result's list, which records hold unmodifiable. */
final class Notices {
  private Notices() {}

  static List<String> plus(List<String> notices, String notice) {
    List<String> all = new ArrayList<>(notices);
    all.add(notice);
    return all;
  }
}
