package dev.taxiscale.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads URLs into a cache directory. Each URL has a folder of its own (named by a hash of the
 * whole URL), and a cached copy is reused only when the server confirms it unchanged through the
 * ETag or Last-Modified it sent with it; without either, the file is fetched again.
 */
public final class HttpDownloads {
  private static final Logger log = LoggerFactory.getLogger(HttpDownloads.class);
  private static final String VALIDATOR = ".validator";

  private final Path cacheDir;
  private final DownloadLimits limits;
  private final HttpClient http;

  public HttpDownloads(Path cacheDir, DownloadLimits limits) {
    this.cacheDir = cacheDir;
    this.limits = limits;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(limits.connect())
            .build();
  }

  /** The local copy of {@code url}, fresh or confirmed unchanged. */
  public Path fetch(String url) throws IOException, IngestException {
    URI uri = URI.create(url);
    String name =
        Path.of(uri.getPath().isEmpty() ? "/download" : uri.getPath()).getFileName().toString();
    Path folder = cacheDir.resolve(hash(url));
    Path target = folder.resolve(name);
    Path validator = folder.resolve(name + VALIDATOR);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(limits.connect()).GET();
    if (Files.isRegularFile(target) && Files.isRegularFile(validator)) {
      Validator known = Validator.parse(Files.readString(validator, StandardCharsets.UTF_8));
      known.addTo(request);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() == 304) {
          log.info("using cached download {} for {}", target, url);
          return target;
        }
        if (response.statusCode() != 200) {
          throw new IngestException(url + ": download failed with HTTP " + response.statusCode());
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (length > limits.maxBytes()) {
          throw new IngestException(url + ": " + tooLarge());
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, name, ".part");
        try {
          log.info("downloading {} to {}", url, target);
          copy(url, body, partial);
          // the move is what marks a download complete, so a killed one is never mistaken for it
          Files.move(
              partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
        Validator fresh = Validator.of(response);
        if (fresh.isEmpty()) {
          Files.deleteIfExists(validator);
        } else {
          Files.writeString(validator, fresh.text(), StandardCharsets.UTF_8);
        }
        return target;
      }
    } catch (HttpConnectTimeoutException e) {
      throw new IngestException(
          url + ": no connection within " + limits.connect().toMillis() + " ms", e);
    } catch (HttpTimeoutException e) {
      throw new IngestException(
          url + ": no response within " + limits.connect().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException(url + ": download interrupted", e);
    }
  }

  /**
   * Copies the body, aborting it (by closing the stream under the reader) when it falls silent for
   * the read timeout or runs past the total timeout, and refusing bytes past the size cap.
   */
  private void copy(String url, InputStream body, Path partial)
      throws IOException, IngestException {
    AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    AtomicReference<String> aborted = new AtomicReference<>();
    long deadline = System.nanoTime() + limits.total().toNanos();
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "taxiscale-download-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          String why =
              now > deadline
                  ? "not complete within " + limits.total().toMillis() + " ms"
                  : now - lastProgress.get() > limits.read().toNanos()
                      ? "no data for " + limits.read().toMillis() + " ms"
                      : null;
          if (why != null && aborted.compareAndSet(null, why)) {
            closeQuietly(body);
          }
        },
        50,
        50,
        TimeUnit.MILLISECONDS);
    long copied = 0;
    try (OutputStream out = Files.newOutputStream(partial)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = body.read(buffer)) >= 0; ) {
        copied += n;
        if (copied > limits.maxBytes()) {
          throw new IngestException(url + ": " + tooLarge());
        }
        out.write(buffer, 0, n);
        lastProgress.set(System.nanoTime());
      }
    } catch (IOException e) {
      if (aborted.get() != null) {
        throw new IngestException(url + ": download " + aborted.get(), e);
      }
      throw e;
    } finally {
      watchdog.shutdownNow();
    }
    if (aborted.get() != null) {
      throw new IngestException(url + ": download " + aborted.get());
    }
  }

  private String tooLarge() {
    return "larger than the "
        + limits.maxBytes()
        + " bytes allowed ("
        + DownloadLimits.ENV_MAX_BYTES
        + ")";
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // the reader sees the stream end or fail, which is the point
    }
  }

  private static String hash(String url) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** What the server said identifies the content it sent. */
  private record Validator(String etag, String lastModified) {
    static Validator of(HttpResponse<?> response) {
      return new Validator(
          response.headers().firstValue("ETag").orElse(""),
          response.headers().firstValue("Last-Modified").orElse(""));
    }

    static Validator parse(String text) {
      String[] lines = (text + "\n\n").split("\n", -1);
      return new Validator(lines[0].strip(), lines[1].strip());
    }

    boolean isEmpty() {
      return etag.isEmpty() && lastModified.isEmpty();
    }

    String text() {
      return etag + "\n" + lastModified + "\n";
    }

    void addTo(HttpRequest.Builder request) {
      if (!etag.isEmpty()) {
        request.header("If-None-Match", etag);
      }
      if (!lastModified.isEmpty()) {
        request.header("If-Modified-Since", lastModified);
      }
    }
  }
}
