package dev.taxiscale.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** URL inputs from a real HTTP server on loopback: cached per URL and content, and bounded. */
class HttpDownloadIntegrationTest {
  private static final String JANUARY = "vendor_id,pickup\nCMT,2014-01-01 00:00:00\n";
  private static final String FEBRUARY = "vendor_id,pickup\nVTS,2014-02-01 00:00:00\n";
  private static final DownloadLimits TIGHT =
      new DownloadLimits(
          Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5), 1_000);

  @TempDir Path dir;
  private HttpServer server;
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.createContext("/stall/", this::stall);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = files.get(path);
    if (body == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    String etag = etags.get(path);
    if (etag != null) {
      exchange.getResponseHeaders().add("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        exchange.close();
        return;
      }
    }
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends the headers and a first line, then nothing until the test ends. */
  private void stall(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write("vendor_id,pickup\n".getBytes(UTF_8));
    out.flush();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private String resolvedContent(String url, DownloadLimits limits) throws Exception {
    List<InputFile> files = new InputResolver(dir.resolve("cache"), limits).resolve(List.of(url));
    return Files.readString(files.get(0).path());
  }

  @Test
  void shouldDownloadTwoFilesWithTheSameNameFromDifferentFolders() throws Exception {
    files.put("/a/trips.csv", JANUARY);
    files.put("/b/trips.csv", FEBRUARY);

    assertThat(resolvedContent(url("/a/trips.csv"), TIGHT)).isEqualTo(JANUARY);
    assertThat(resolvedContent(url("/b/trips.csv"), TIGHT)).isEqualTo(FEBRUARY);
  }

  @Test
  void shouldDownloadAgainWhenTheFileAtAUrlChanged() throws Exception {
    files.put("/trips.csv", JANUARY);
    etags.put("/trips.csv", "\"v1\"");
    resolvedContent(url("/trips.csv"), TIGHT);
    files.put("/trips.csv", FEBRUARY);
    etags.put("/trips.csv", "\"v2\"");

    assertThat(resolvedContent(url("/trips.csv"), TIGHT)).isEqualTo(FEBRUARY);
  }

  @Test
  void shouldReuseTheCachedCopyWhenTheServerSaysItIsUnchanged() throws Exception {
    files.put("/trips.csv", JANUARY);
    etags.put("/trips.csv", "\"v1\"");
    resolvedContent(url("/trips.csv"), TIGHT);
    files.put("/trips.csv", "served only to clients without the copy");

    assertThat(resolvedContent(url("/trips.csv"), TIGHT)).isEqualTo(JANUARY);
  }

  @Test
  void shouldRefuseAFileLargerThanTheCap() {
    files.put("/big.csv", "x".repeat(1_001));

    assertThatThrownBy(() -> resolvedContent(url("/big.csv"), TIGHT))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("larger than the 1000 bytes allowed");
  }

  @Test
  @Timeout(30)
  void shouldGiveUpOnADownloadThatFallsSilent() {
    assertThatThrownBy(() -> resolvedContent(url("/stall/trips.csv"), TIGHT))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("no data for 500 ms");
  }
}
