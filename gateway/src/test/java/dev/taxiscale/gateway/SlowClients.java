package dev.taxiscale.gateway;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Raw loopback sockets that behave like slow or greedy clients, closed together at the end. */
final class SlowClients implements AutoCloseable {
  /** Headers of a nearby request promising a body far longer than what follows. */
  static final String PROMISED_BODY_HEADERS =
      "POST /api/v1/nearby HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{";

  /** The start of a request whose headers never end. */
  static final String ENDLESS_HEADERS = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";

  /** A whole health check, after which the server closes the connection. */
  static final String HEALTH_THEN_CLOSE =
      "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

  private final int port;
  private final List<Socket> sockets = new ArrayList<>();

  SlowClients(int port) {
    this.port = port;
  }

  /**
   * A connection from {@code source}, a loopback address such as 127.0.0.7, that sends {@code
   * start}.
   */
  Socket open(String source, String start) {
    try {
      Socket socket = new Socket();
      sockets.add(socket);
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      send(socket, start);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the gateway closes {@code socket} within {@code bound} while one more byte of {@code
   * trickle} goes out every 100 ms.
   */
  static boolean closedWhileTrickling(Socket socket, String trickle, Duration bound)
      throws IOException {
    socket.setSoTimeout(100);
    long deadline = System.nanoTime() + bound.toNanos();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      try {
        send(socket, String.valueOf(trickle.charAt(i % trickle.length())));
        if (socket.getInputStream().read() == -1) {
          return true;
        }
      } catch (SocketTimeoutException stillOpen) {
        continue;
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  /** Everything the server sends until it closes the connection, or fails after {@code bound}. */
  static String untilClosed(Socket socket, Duration bound) throws IOException {
    socket.setSoTimeout((int) bound.toMillis());
    return new String(socket.getInputStream().readAllBytes(), US_ASCII);
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a test socket the gateway already dropped
      }
    }
  }
}
