package dev.taxiscale.core.query;

import java.util.List;

/** The cabs nearest to the rider, nearest first (ties by trip id). */
public record NearbyCabsResult(List<NearbyCab> cabs, List<String> notices) implements QueryResult {

  public NearbyCabsResult {
    cabs = List.copyOf(cabs);
    notices = notices == null ? List.of() : List.copyOf(notices);
  }
}
