package dev.taxiscale.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParquetLayoutTest {
  private static final List<String> YELLOW_2009 =
      List.of(
          "vendor_name",
          "Trip_Pickup_DateTime",
          "Trip_Dropoff_DateTime",
          "Start_Lon",
          "Start_Lat",
          "End_Lon",
          "End_Lat",
          "Fare_Amt",
          "Total_Amt");
  private static final List<String> YELLOW_2024 =
      List.of(
          "VendorID",
          "tpep_pickup_datetime",
          "tpep_dropoff_datetime",
          "PULocationID",
          "DOLocationID",
          "fare_amount",
          "Airport_fee");
  private static final List<String> FHVHV =
      List.of(
          "hvfhs_license_num",
          "dispatching_base_num",
          "request_datetime",
          "pickup_datetime",
          "dropoff_datetime",
          "PULocationID",
          "DOLocationID",
          "trip_miles",
          "base_passenger_fare");
  private static final List<String> FHV_2019 =
      List.of(
          "dispatching_base_num",
          "pickup_datetime",
          "dropOff_datetime",
          "PUlocationID",
          "DOlocationID",
          "SR_Flag");

  @Test
  void shouldMatchTheMixedCase2009NamesCaseInsensitively() throws Exception {
    ParquetLayout.Match match = ParquetLayout.detect(YELLOW_2009);

    assertThat(match.layout()).isEqualTo(ParquetLayout.YELLOW_2009);
    assertThat(match.indexes()[Column.PICKUP_LON.ordinal()]).isEqualTo(3);
  }

  @Test
  void shouldTellHighVolumeFhvFromOtherFhvByTheLicenseColumn() throws Exception {
    assertThat(ParquetLayout.detect(FHVHV).layout()).isEqualTo(ParquetLayout.FHVHV_ZONES);
    assertThat(ParquetLayout.detect(FHV_2019).layout()).isEqualTo(ParquetLayout.FHV_ZONES);
  }

  @Test
  void shouldMarkAFileWithoutAnOptionalColumnAbsentThere() throws Exception {
    ParquetLayout.Match match = ParquetLayout.detect(YELLOW_2024);

    assertThat(match.layout().zoneBased()).isTrue();
    assertThat(match.indexes()[Column.TOTAL.ordinal()]).isEqualTo(-1);
    assertThat(match.indexes()[Column.PICKUP_ZONE.ordinal()]).isEqualTo(3);
  }

  @Test
  void shouldNameTheColumnsOfAFileThatMatchesNoLayout() {
    assertThatThrownBy(() -> ParquetLayout.detect(List.of("station", "temperature")))
        .isInstanceOf(UnknownFormatException.class)
        .hasMessageContaining("station,temperature");
  }
}
