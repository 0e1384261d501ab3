package dev.taxiscale.gateway;

/** Request bodies named after what they ask. */
final class Fixtures {
  /** The ten nearest cabs freed near the Empire State Building on a January morning. */
  static final String NEARBY_EMPIRE_STATE =
      "{\"point\":{\"lon\":-73.9857,\"lat\":40.7484},\"time\":\"2015-01-15T08:30:00\"}";

  /** The same, with the type in the body, as {@code /api/v1/query} wants it. */
  static final String TYPED_NEARBY_EMPIRE_STATE =
      "{\"type\":\"nearby\",\"point\":{\"lon\":-73.9857,\"lat\":40.7484},"
          + "\"time\":\"2015-01-15T08:30:00\"}";

  /** A rider at the North Pole, far outside the service area. */
  static final String NEARBY_NORTH_POLE =
      "{\"point\":{\"lon\":-73.9857,\"lat\":89.9},\"time\":\"2015-01-15T08:30:00\"}";

  /** A nearby request that forgot where the rider stands. */
  static final String NEARBY_WITHOUT_POINT = "{\"time\":\"2015-01-15T08:30:00\"}";

  /** What the stub handler answers to every request. */
  static final String NO_CABS = "{\"type\":\"nearby\",\"cabs\":[],\"notices\":[]}";

  private Fixtures() {}
}
