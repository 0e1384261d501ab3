package dev.taxiscale.core.trip;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What the high-volume for-hire files (Uber, Lyft, Via, Juno) record beyond a trip's common fields.
 * Every value may be absent: {@code NaN} for amounts, null otherwise.
 *
 * <p>Times are NYC wall-clock times, as the pickup's.
 *
 * @param tips what the rider tipped, in dollars
 * @param driverPay what the driver was paid, in dollars, tolls and tips excluded
 * @param requestAt when the rider asked for the ride
 * @param onSceneAt when the driver arrived (the TLC records it for accessible rides mostly)
 * @param sharedRequest whether the rider agreed to share the ride
 * @param sharedMatch whether the ride was shared with another rider at some point
 * @param accessARide whether the ride was administered for the MTA's Access-A-Ride
 * @param wavRequest whether the rider asked for a wheelchair-accessible vehicle
 * @param wavMatch whether the ride came in a wheelchair-accessible vehicle
 */
public record HighVolume(
    double tips,
    double driverPay,
    LocalDateTime requestAt,
    LocalDateTime onSceneAt,
    Boolean sharedRequest,
    Boolean sharedMatch,
    Boolean accessARide,
    Boolean wavRequest,
    Boolean wavMatch)
    implements Serializable {}
