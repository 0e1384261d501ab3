package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.clean.Outcome;
import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.trip.HighVolume;
import dev.taxiscale.core.zone.TaxiZone;
import dev.taxiscale.core.zone.ZoneMap;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The high-volume for-hire fields: read like the pickup's time and the codes, or rejected. */
class HighVolumeFieldsTest {
  private static final LocalDateTime PICKUP = LocalDateTime.of(2024, 1, 5, 18, 30, 0);

  /** Two squares of Midtown, about 700 m across, west and east of Fifth Avenue. */
  private static final FileContext MIDTOWN =
      new FileContext(new ZoneMap(List.of(square(161, -73.99), square(162, -73.98))), null);

  private static TaxiZone square(int id, double west) {
    double south = 40.75;
    Coordinate[] ring = {
      new Coordinate(west, south),
      new Coordinate(west + 0.008, south),
      new Coordinate(west + 0.008, south + 0.006),
      new Coordinate(west, south + 0.006),
      new Coordinate(west, south)
    };
    return new TaxiZone(
        id, "Manhattan", "Midtown " + id, "Yellow Zone", new GeometryFactory().createPolygon(ring));
  }

  /** An Uber ride across Fifth Avenue, asked for four minutes before, tipped, not shared. */
  private static ValueRow uberAcrossFifth() {
    ValueRow row = new ValueRow();
    row.set(Column.VENDOR, "HV0003");
    row.set(Column.PICKUP_AT, PICKUP);
    row.set(Column.DROPOFF_AT, PICKUP.plusMinutes(9));
    row.set(Column.PICKUP_ZONE, 161L);
    row.set(Column.DROPOFF_ZONE, 162L);
    row.set(Column.DISTANCE, 0.9);
    row.set(Column.FARE, 12.4);
    row.set(Column.TIPS, 2.0);
    row.set(Column.DRIVER_PAY, 9.12);
    row.set(Column.REQUEST_AT, PICKUP.minusMinutes(4));
    row.set(Column.ON_SCENE_AT, "2024-01-05 18:29:10");
    row.set(Column.SHARED_REQUEST, "N");
    row.set(Column.SHARED_MATCH, "N");
    row.set(Column.ACCESS_A_RIDE, " ");
    row.set(Column.WAV_REQUEST, "N");
    row.set(Column.WAV_MATCH, "Y");
    return row;
  }

  private static Outcome process(ValueRow row) {
    return row.process(ParquetLayout.FHVHV_ZONES, 3, 11, MIDTOWN);
  }

  private static HighVolume kept(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    return ((Outcome.Kept) outcome).trip().highVolume();
  }

  @Test
  void shouldKeepTipsPayTimesAndFlagsOfAHighVolumeTrip() {
    assertThat(kept(process(uberAcrossFifth())))
        .isEqualTo(
            new HighVolume(
                2.0,
                9.12,
                PICKUP.minusMinutes(4),
                LocalDateTime.of(2024, 1, 5, 18, 29, 10),
                false,
                false,
                null,
                false,
                true));
  }

  @Test
  void shouldReadFlagsStoredAsBooleansAndInLowerCase() {
    ValueRow row = uberAcrossFifth();
    row.set(Column.SHARED_REQUEST, "true");
    row.set(Column.WAV_REQUEST, "y");

    HighVolume fields = kept(process(row));

    assertThat(fields.sharedRequest()).isTrue();
    assertThat(fields.wavRequest()).isTrue();
  }

  @Test
  void shouldReadMissingFieldsAsAbsent() {
    ValueRow row = uberAcrossFifth();
    row.set(Column.TIPS, null);
    row.set(Column.ON_SCENE_AT, null);
    row.set(Column.WAV_MATCH, null);

    HighVolume fields = kept(process(row));

    assertThat(fields.tips()).isNaN();
    assertThat(fields.onSceneAt()).isNull();
    assertThat(fields.wavMatch()).isNull();
  }

  @Test
  void shouldRejectAFlagThatIsNeitherYesNorNo() {
    ValueRow row = uberAcrossFifth();
    row.set(Column.SHARED_MATCH, "X");

    assertThat(process(row))
        .isEqualTo(new Outcome.Rejected(Reason.UNPARSEABLE_FLAG, "shared_match 'X' is not Y or N"));
  }

  @Test
  void shouldRejectAMalformedRequestTimeAsAMalformedPickupIs() {
    ValueRow row = uberAcrossFifth();
    row.set(Column.REQUEST_AT, "2024-01-32 18:26:00");

    assertThat(process(row))
        .isInstanceOfSatisfying(
            Outcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.UNPARSEABLE_TIMESTAMP));
  }

  @Test
  void shouldLeaveTripsOfOtherLayoutsWithoutHighVolumeFields() {
    ValueRow row = uberAcrossFifth();
    row.set(Column.VENDOR, "B02512");

    Outcome outcome = row.process(ParquetLayout.FHV_ZONES, 3, 11, MIDTOWN);

    assertThat(outcome).isInstanceOf(Outcome.Kept.class);
    assertThat(((Outcome.Kept) outcome).trip().highVolume()).isNull();
  }
}
