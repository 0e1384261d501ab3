package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.core.clean.Reason;
import dev.taxiscale.core.format.ParquetLayout;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.store.testing.MigratedPostgres;
import dev.taxiscale.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ParquetBadInputIntegrationTest {
  @RegisterExtension static final MigratedPostgres postgres = new MigratedPostgres();

  /** Pickup and drop-off times and places only: no fare, distance or passengers. */
  private static final MessageType TIMES_AND_PLACES =
      MessageTypeParser.parseMessageType(
          "message m { optional int64 pickup_datetime (TIMESTAMP(MICROS,false));"
              + " optional int64 dropoff_datetime (TIMESTAMP(MICROS,false));"
              + " optional double pickup_longitude; optional double pickup_latitude;"
              + " optional double dropoff_longitude; optional double dropoff_latitude; }");

  @TempDir Path dir;

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.truncateAll();
  }

  private IngestReport ingest(Path file) throws IngestException {
    IngestOptions options = IngestOptions.defaults().withCacheDir(dir.resolve("cache"));
    return new LocalEngine(postgres.dataSource(), options, ProgressSink.NONE)
        .ingest(List.of(file.toString()));
  }

  private void assertRefusedInOneLine(Path file, String why) throws Exception {
    assertThatThrownBy(() -> ingest(file))
        .isInstanceOf(IngestException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(why)
        .hasMessageNotContaining("\n");
    assertThat(postgres.queryLong("SELECT count(*) FROM ingest_files")).isZero();
    assertThat(postgres.queryLong("SELECT count(*) FROM trips")).isZero();
  }

  private Path generatedParquet(String name) throws Exception {
    Path csv = dir.resolve("source.csv");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, 2_000), csv);
    Path file = dir.resolve(name);
    new ParquetTripWriter(ParquetLayout.YELLOW_2010, ParquetTripSchema.Options.published())
        .convert(csv, file);
    return file;
  }

  private static void write(Path file, MessageType schema, List<Object[]> rows) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> out =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new ParquetCodecs())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withType(schema)
            .build()) {
      for (Object[] values : rows) {
        Group group = groups.newGroup();
        for (int i = 0; i < values.length; i++) {
          if (values[i] instanceof Long l) {
            group.add(i, l);
          } else if (values[i] instanceof Double d) {
            group.add(i, d);
          } else if (values[i] != null) {
            group.add(i, values[i].toString());
          }
        }
        out.write(group);
      }
    }
  }

  private static long micros(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  }

  @Test
  void shouldRefuseAParquetFileCutOffBeforeItsFooter() throws Exception {
    Path whole = generatedParquet("whole.parquet");
    Path cut = dir.resolve("yellow_tripdata_2010-04.parquet");
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    assertRefusedInOneLine(cut, "truncated Parquet file");
  }

  @Test
  void shouldRefuseAnHtmlErrorPageSavedAsParquet() throws Exception {
    Path page = dir.resolve("yellow_tripdata_2024-01.parquet");
    Files.writeString(page, "<!DOCTYPE html>\n<html><body>403 Forbidden</body></html>\n");

    assertRefusedInOneLine(page, "not a Parquet file (it starts with '<!DOCTYPE html>')");
  }

  @Test
  void shouldRefuseACsvRenamedToParquet() throws Exception {
    Path renamed = dir.resolve("green_tripdata_2014-04.parquet");
    TripGenerator.write(GeneratorConfig.of(TripFormat.GREEN_2014, 100), renamed);

    assertRefusedInOneLine(renamed, "not a Parquet file (it starts with 'VendorID,");
  }

  @Test
  void shouldRefuseAParquetFileWhoseColumnsMatchNoLayout() throws Exception {
    Path weather = dir.resolve("central_park_weather.parquet");
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message m { optional binary station (STRING); optional double temperature; }");
    write(weather, schema, List.<Object[]>of(new Object[] {"USW00094728", 3.5}));

    assertRefusedInOneLine(weather, "unknown Parquet layout: columns match none of");
  }

  @Test
  void shouldSayHowToLoadTheZonesAZoneBasedFileNeeds() throws Exception {
    assertRefusedInOneLine(
        SharedData.require(SharedData.GREEN_2024_01),
        "GREEN_ZONES trips carry taxi zone ids, and no taxi zones are loaded: run 'taxiscale"
            + " zones load'");
  }

  @Test
  void shouldLoadWhatAFileWithSomeColumnsHasAndCountTheRest() throws Exception {
    Path file = dir.resolve("times_and_places.parquet");
    LocalDateTime nine = LocalDateTime.of(2010, 4, 1, 9, 0);
    Object[] pennToGrandCentral = {
      micros(nine), micros(nine.plusMinutes(12)), -73.9935, 40.7506, -73.9772, 40.7527
    };
    Object[] noPickupLatitude = {
      micros(nine), micros(nine.plusMinutes(12)), -73.9935, null, -73.9772, 40.7527
    };
    write(file, TIMES_AND_PLACES, List.of(pennToGrandCentral, noPickupLatitude));

    FileReport report = ingest(file).files().get(0);

    assertThat(report.kept()).isEqualTo(1);
    assertThat(report.rejects())
        .containsExactly(java.util.Map.entry(Reason.UNPARSEABLE_NUMBER.code(), 1L));
    assertThat(postgres.queryString("SELECT fare IS NULL AND distance_mi IS NULL FROM trips"))
        .isEqualTo("t");
  }

  @Test
  void shouldLoadTripsWhoseFareColumnIsAllNull() throws Exception {
    Path file = dir.resolve("no_fares.parquet");
    MessageType withFare =
        MessageTypeParser.parseMessageType(
            TIMES_AND_PLACES.toString().replace("}", " optional double fare_amount; }"));
    LocalDateTime nine = LocalDateTime.of(2010, 4, 1, 9, 0);
    Object[] pennToGrandCentral = {
      micros(nine), micros(nine.plusMinutes(12)), -73.9935, 40.7506, -73.9772, 40.7527, null
    };
    write(file, withFare, List.of(pennToGrandCentral, pennToGrandCentral));

    FileReport report = ingest(file).files().get(0);

    assertThat(report.kept()).isEqualTo(2);
    assertThat(postgres.queryLong("SELECT count(*) FROM trips WHERE fare IS NULL")).isEqualTo(2);
  }
}
