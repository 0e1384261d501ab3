package dev.taxiscale.gateway;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A blocking HTTP/1.1 client for the gateway's JSON API over one kept-alive connection, for load
 * generators and scripts.
 *
 * <p>It does only what the gateway needs (POST a JSON body or GET, read a sized or chunked answer),
 * so a benchmark's callers cost a fraction of a general client's CPU, which on a small machine
 * would otherwise be taken from the system being measured. Not thread-safe: one per calling thread.
 */
public final class GatewayClient implements AutoCloseable {
  /**
   * A status and the body as sent.
   *
   * @param retryAfterSeconds the whole seconds of a {@code Retry-After} header, or -1 without one
   */
  public record Response(int status, byte[] body, int retryAfterSeconds) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final InetAddress localAddress;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  public GatewayClient(String host, int port, Duration timeout) {
    this(host, port, timeout, null);
  }

  /**
   * A client whose connections leave from {@code localAddress}, e.g. one of the 127.0.0.0/8
   * addresses, so that a load generator on one machine looks like many clients to per-address
   * limits; {@code null} lets the system choose.
   */
  public GatewayClient(String host, int port, Duration timeout, InetAddress localAddress) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = (int) timeout.toMillis();
    this.localAddress = localAddress;
  }

  /**
   * POSTs a JSON body to a path such as {@code /api/v1/nearby}.
   *
   * <p>A kept-alive connection the server closed while idle is reopened once; a request is never
   * sent twice after part of its answer arrived.
   */
  public Response post(String path, byte[] json) throws IOException {
    return exchange("POST", path, json, "");
  }

  /**
   * The same with more header lines, each {@code "Name: value\r\n"}, as a browser adds (an {@code
   * Origin}, an {@code Accept-Encoding}): for callers that must take the paths such requests take.
   */
  public Response post(String path, byte[] json, String headerLines) throws IOException {
    return exchange("POST", path, json, headerLines);
  }

  /**
   * GETs a path such as {@code /ready}, with more header lines as {@link #post(String, byte[],
   * String)}.
   */
  public Response get(String path, String headerLines) throws IOException {
    return exchange("GET", path, null, headerLines);
  }

  private Response exchange(String method, String path, byte[] body, String headerLines)
      throws IOException {
    boolean reused = socket != null;
    try {
      send(method, path, body, headerLines);
      return read();
    } catch (EOFException e) {
      close();
      if (!reused) {
        throw e;
      }
      send(method, path, body, headerLines);
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void send(String method, String path, byte[] body, String headerLines)
      throws IOException {
    if (socket == null) {
      open();
    }
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\n"
            + (body == null
                ? ""
                : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
            + headerLines
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    if (localAddress != null) {
      s.bind(new InetSocketAddress(localAddress, 0));
    }
    s.connect(new InetSocketAddress(host, port), timeoutMillis);
    s.setSoTimeout(timeoutMillis);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
    out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
  }

  private Response read() throws IOException {
    String statusLine = line(true);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    int retryAfter = -1;
    for (String header = line(false); !header.isEmpty(); header = line(false)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        case "retry-after" -> retryAfter = seconds(value);
        default -> {
          // other headers do not change how the body is read
        }
      }
    }
    byte[] body = chunked ? chunkedBody() : in.readNBytes((int) Math.max(length, 0));
    if (!chunked && length > 0 && body.length < length) {
      throw new IOException("answer ended after " + body.length + " of " + length + " bytes");
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, body, retryAfter);
  }

  /** Retry-After in whole seconds; the HTTP-date form, which the gateway never sends, as -1. */
  private static int seconds(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      byte[] chunk = in.readNBytes(size);
      if (chunk.length < size) {
        throw new IOException("chunked answer ended early");
      }
      body.write(chunk);
      line(false);
    }
    for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
      // trailers carry nothing the caller reads
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String line = line(false);
    int semicolon = line.indexOf(';');
    return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
  }

  /**
   * One CRLF-terminated header line.
   *
   * @param first whether it starts the answer: a connection closed before it is an {@link
   *     EOFException}, the one case in which the request may be sent again
   */
  private String line(boolean first) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        if (first && line.isEmpty()) {
          throw new EOFException("connection closed before an answer");
        }
        throw new IOException("connection closed inside the answer's head");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a socket that failed already: nothing left to release
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
