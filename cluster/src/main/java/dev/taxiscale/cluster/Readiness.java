package dev.taxiscale.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, failing with a message that says what never happened. */
final class Readiness {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Readiness() {}

  static void until(String what, Duration timeout, ClusterProcess process, BooleanSupplier done) {
    until(what, timeout, List.of(process), done);
  }

  /** Waits for {@code done}, failing at once when one of the {@code watched} processes exits. */
  static void until(
      String what, Duration timeout, List<ClusterProcess> watched, BooleanSupplier done) {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      for (ClusterProcess process : watched) {
        // a failed main thread can leave a process running on its other threads
        if (!process.isAlive() || logContains(process.log(), "Exception in thread \"main\"")) {
          throw new IllegalStateException(
              process.name() + " exited while waiting for " + what + "; see " + process.log());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      pause();
    }
  }

  static boolean logContains(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether a server itself answers, not only its launcher: it accepts on its port. */
  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean answers200(URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
