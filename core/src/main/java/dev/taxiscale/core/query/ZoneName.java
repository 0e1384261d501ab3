package dev.taxiscale.core.query;

/** A taxi zone as answers name it: its id, borough and name from the TLC's lookup. */
public record ZoneName(int zone, String borough, String name) {}
