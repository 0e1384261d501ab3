package dev.taxiscale.store.query;

import dev.taxiscale.core.query.FareEstimateRequest;
import dev.taxiscale.core.query.FareEstimateResult;
import dev.taxiscale.core.query.ZoneFallback;
import dev.taxiscale.core.query.ZoneFareRequest;
import dev.taxiscale.core.query.ZoneFareResult;
import dev.taxiscale.core.query.ZoneName;
import dev.taxiscale.core.zone.ZoneMap;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fares between taxi zones: the zone-to-zone estimate, and the fallback of a fare estimate between
 * points whose widest radius found too few trips.
 */
final class ZoneFares {

  private final ZoneCatalog catalog;
  private final long cap;
  private final int timeoutSeconds;

  ZoneFares(ZoneCatalog catalog, long cap, int timeoutSeconds) {
    this.catalog = catalog;
    this.cap = cap;
    this.timeoutSeconds = timeoutSeconds;
  }

  ZoneFareResult estimate(Connection connection, ZoneFareRequest request) throws SQLException {
    ZoneName from = catalog.require(connection, "fromZone", request.fromZone());
    ZoneName to = catalog.require(connection, "toZone", request.toZone());
    ZoneFareQuery.Sample sample = ZoneFareQuery.run(connection, request, cap, timeoutSeconds);
    List<String> notices = new ArrayList<>();
    long n = Math.min(sample.matched(), cap);
    if (sample.capped(cap)) {
      notices.add(String.format("sampled only the first %d trips between the two zones", cap));
    }
    boolean enough = n >= request.minSample();
    return new ZoneFareResult(
        enough,
        n,
        request.minSample(),
        from,
        to,
        enough ? sample.meanFare() : null,
        enough ? sample.fare() : null,
        enough ? sample.meanMinutes() : null,
        enough ? sample.minutes() : null,
        message(enough, n, request, from, to, sample),
        notices);
  }

  /**
   * The estimate between the zones of the points when the radius search found too few trips and
   * zones are loaded; the radius result unchanged, with a notice, when the points lie in no zone.
   */
  FareEstimateResult fallback(
      Connection connection, FareEstimateRequest request, FareEstimateResult tooFew)
      throws SQLException {
    ZoneMap zones = catalog.shapes(connection);
    if (zones.isEmpty()) {
      return tooFew;
    }
    Integer from = zones.locate(request.from().lon(), request.from().lat());
    Integer to = zones.locate(request.to().lon(), request.to().lat());
    if (from == null || to == null) {
      return withNotice(
          tooFew,
          "no taxi zone holds the "
              + (from == null ? "pickup" : "destination")
              + ", so there is no zone-to-zone estimate either");
    }
    ZoneFareResult z = estimate(connection, ZoneFareRequest.like(request, from, to));
    List<String> notices = new ArrayList<>(tooFew.notices());
    notices.add(
        String.format(
            Locale.ROOT,
            "fell back to zone to zone: %d trips within %.0f m were too few, %d trips from zone"
                + " %d (%s) to zone %d (%s)",
            tooFew.sampleSize(),
            tooFew.radiusMeters(),
            z.sampleSize(),
            from,
            z.from().name(),
            to,
            z.to().name()));
    return new FareEstimateResult(
        z.enough(),
        z.sampleSize(),
        z.minSample(),
        tooFew.radiusMeters(),
        z.fare(),
        z.durationMinutes(),
        z.message(),
        new ZoneFallback(z.from(), z.to(), z.sampleSize()),
        notices);
  }

  private static FareEstimateResult withNotice(FareEstimateResult r, String notice) {
    return new FareEstimateResult(
        r.enough(),
        r.sampleSize(),
        r.minSample(),
        r.radiusMeters(),
        r.fare(),
        r.durationMinutes(),
        r.message(),
        r.zones(),
        Notices.plus(r.notices(), notice));
  }

  private static String message(
      boolean enough,
      long n,
      ZoneFareRequest request,
      ZoneName from,
      ZoneName to,
      ZoneFareQuery.Sample sample) {
    String between =
        String.format("from %s (%d) to %s (%d)", from.name(), from.zone(), to.name(), to.zone());
    if (!enough) {
      return String.format(
          Locale.ROOT,
          "not enough history: %d matching trips %s, at least %d needed",
          n,
          between,
          request.minSample());
    }
    return String.format(
        Locale.ROOT,
        "%d trips %s: median fare $%.2f, median duration %.0f min",
        n,
        between,
        sample.fare().median(),
        sample.minutes().median());
  }
}
