package dev.taxiscale.core.zone;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The loaded taxi zones by id, with their shapes ready for placing trips; shared read-only by
 * parser threads. Serialized as the zones alone (e.g. to Spark executors), the shapes are prepared
 * again where it arrives.
 */
public final class ZoneMap implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  private final List<TaxiZone> zones;
  private final transient Map<Integer, TaxiZone> byId = new HashMap<>();
  private final transient Map<Integer, ZoneShape> shapes = new HashMap<>();
  private final transient STRtree boxes = new STRtree();

  public ZoneMap(Collection<TaxiZone> zones) {
    this.zones = List.copyOf(zones);
    for (TaxiZone zone : this.zones) {
      byId.put(zone.locationId(), zone);
      if (zone.hasShape()) {
        shapes.put(zone.locationId(), new ZoneShape(zone.shape()));
        boxes.insert(zone.shape().getEnvelopeInternal(), zone.locationId());
      }
    }
    boxes.build();
  }

  /**
   * The id of the lowest-numbered zone whose shape holds the point, or null (water, New Jersey).
   */
  public Integer locate(double lon, double lat) {
    Integer found = null;
    for (Object id : boxes.query(new Envelope(lon, lon, lat, lat))) {
      int candidate = (Integer) id;
      if ((found == null || candidate < found) && shapes.get(candidate).contains(lon, lat)) {
        found = candidate;
      }
    }
    return found;
  }

  /** No zones at all: what a database without them gives. */
  public boolean isEmpty() {
    return zones.isEmpty();
  }

  public List<TaxiZone> zones() {
    return zones;
  }

  /** The zone with this id, or null when the lookup has none. */
  public TaxiZone zone(int locationId) {
    return byId.get(locationId);
  }

  /**
   * The zone's prepared shape, or null when it has none (Unknown, Outside of NYC) or is unknown.
   */
  public ZoneShape shape(int locationId) {
    return shapes.get(locationId);
  }

  @Serial
  private Object readResolve() {
    return new ZoneMap(zones);
  }
}
