package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.testkit.FixtureTrip;
import dev.taxiscale.testkit.TripFiles;
import dev.taxiscale.testkit.TripLines;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving inputs and recognizing what is in them, before anything touches the database. */
class InputFilesTest {
  private static final List<String> ONE_YELLOW_RIDE =
      List.of(
          TripLines.YELLOW_2014_HEADER,
          TripLines.yellow2014(FixtureTrip.pennStationToUnionSquare()));

  @TempDir Path dir;

  private List<InputFile> resolve(String... inputs) throws IngestException {
    return new InputResolver(dir.resolve("cache")).resolve(List.of(inputs));
  }

  @Test
  void shouldRecognizeGzipByItsMagicBytesNotItsName() throws Exception {
    Path file = TripFiles.writeGzip(dir.resolve("yellow.csv"), ONE_YELLOW_RIDE);

    InputFile input = resolve(file.toString()).get(0);

    assertThat(input.gzip()).isTrue();
    assertThat(HeaderReader.detect(input).format()).isEqualTo(TripFormat.YELLOW_2014);
  }

  @Test
  void shouldListADirectoryInNameOrderSkippingHiddenAndRejectsFiles() throws Exception {
    Path input = Files.createDirectories(dir.resolve("in"));
    TripFiles.write(input.resolve("b.csv"), ONE_YELLOW_RIDE);
    TripFiles.write(input.resolve("a.csv"), ONE_YELLOW_RIDE);
    TripFiles.write(input.resolve(".partial"), ONE_YELLOW_RIDE);
    TripFiles.write(input.resolve("a.csv.rejects.csv"), List.of("line,reason"));

    assertThat(resolve(input.toString()))
        .extracting(InputFile::fileName)
        .containsExactly("a.csv", "b.csv");
  }

  @Test
  void shouldNameAMissingFileInOneLine() {
    String missing = dir.resolve("nowhere.csv").toString();

    assertThatThrownBy(() -> resolve(missing))
        .isInstanceOf(IngestException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void shouldRejectAnUnknownHeaderNamingTheFormatsItKnows() throws Exception {
    Path file = TripFiles.write(dir.resolve("weather.csv"), List.of("date,temperature,rain"));

    assertThatThrownBy(() -> HeaderReader.detect(resolve(file.toString()).get(0)))
        .hasMessageStartingWith(file + ": unknown header 'date,temperature,rain'")
        .hasMessageContaining("YELLOW_2014");
  }

  @Test
  void shouldRejectBinaryContent() throws Exception {
    Path file = TripFiles.writeBytes(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 0, 1});

    assertThatThrownBy(() -> HeaderReader.detect(resolve(file.toString()).get(0)))
        .hasMessage(file + ": not a CSV text file (binary content)");
  }

  @Test
  void shouldRejectAnEmptyFile() throws Exception {
    Path file = TripFiles.writeBytes(dir.resolve("empty.csv"), new byte[0]);

    assertThatThrownBy(() -> HeaderReader.detect(resolve(file.toString()).get(0)))
        .hasMessage(file + ": empty file, expected a header line");
  }

  @Test
  void shouldDownloadAUrlIntoTheCacheOnce() throws Exception {
    byte[] body = String.join("\n", ONE_YELLOW_RIDE).getBytes();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/trips/yellow.csv",
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/trips/yellow.csv";

      InputFile input = resolve(url).get(0);

      assertThat(input.name()).isEqualTo(url);
      // a folder of its own per URL, so that another URL's yellow.csv is another file
      assertThat(input.path().getParent().getParent()).isEqualTo(dir.resolve("cache"));
      assertThat(input.path().getFileName()).hasToString("yellow.csv");
      assertThat(Files.readAllBytes(input.path())).isEqualTo(body);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldReportAFailedDownloadWithItsStatus() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.csv";

      assertThatThrownBy(() -> resolve(url)).hasMessage(url + ": download failed with HTTP 404");
    } finally {
      server.stop(0);
    }
  }
}
