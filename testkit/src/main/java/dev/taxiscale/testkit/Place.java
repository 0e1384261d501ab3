package dev.taxiscale.testkit;

/** A named NYC location for fixture rides. */
public record Place(String name, double lon, double lat) {
  public static final Place PENN_STATION = new Place("Penn Station", -73.993519, 40.750568);
  public static final Place UNION_SQUARE = new Place("Union Square", -73.990526, 40.735863);
  public static final Place TIMES_SQUARE = new Place("Times Square", -73.985500, 40.758000);
  public static final Place GRAND_CENTRAL = new Place("Grand Central", -73.977229, 40.752726);
  public static final Place JFK_TERMINAL_4 = new Place("JFK Terminal 4", -73.782224, 40.644166);
  public static final Place YANKEE_STADIUM = new Place("Yankee Stadium", -73.926175, 40.829643);

  /** Where a meter without a GPS fix says it is. */
  public static final Place NULL_ISLAND = new Place("Null Island", 0, 0);

  /** Well outside the service area. */
  public static final Place PHILADELPHIA = new Place("Philadelphia", -75.165222, 39.952583);
}
