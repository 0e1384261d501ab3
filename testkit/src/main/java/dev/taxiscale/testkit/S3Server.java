package dev.taxiscale.testkit;

import dev.taxiscale.core.process.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server (s3proxy over a directory) in its own process on a free loopback
 * port, requiring AWS signatures from {@link #IDENTITY} / {@link #CREDENTIAL}.
 *
 * <p>The build copies the server's jar and names it in the {@value #JAR_PROPERTY} system property;
 * without it, or when the server does not answer, starting fails: S3 tests never skip.
 */
public final class S3Server implements AutoCloseable {
  public static final String JAR_PROPERTY = "s3proxy.jar";
  public static final String IDENTITY = "taxiscale-test";
  public static final String CREDENTIAL = "taxiscale-test-secret";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private S3Server(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts a server storing its buckets under {@code dir}. */
  public static S3Server start(Path dir) {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "no s3proxy jar at -D" + JAR_PROPERTY + "=" + jar + "; run the tests through Maven");
    }
    try {
      int port = FreePorts.pick();
      Path data = Files.createDirectories(dir.resolve("buckets"));
      Path properties = dir.resolve("s3proxy.properties");
      Files.writeString(properties, properties(port, data), StandardCharsets.UTF_8);
      Path log = dir.resolve("s3proxy.log");
      Process process =
          new ProcessBuilder(javaCommand(), "-jar", jar, "--properties", properties.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      S3Server server = new S3Server(process, URI.create("http://127.0.0.1:" + port), log);
      server.awaitListening(port);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start s3proxy", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** An endpoint where nothing listens, for the unreachable case. */
  public static URI deadEndpoint() {
    return URI.create("http://127.0.0.1:" + FreePorts.pick());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String properties(int port, Path data) {
    return String.join(
        "\n",
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + IDENTITY,
        "s3proxy.credential=" + CREDENTIAL,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + data,
        "");
  }

  private void awaitListening(int port) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited at start: " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    close();
    throw new IllegalStateException("s3proxy did not listen within " + START_TIMEOUT);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while s3proxy started", e);
    }
  }

  private static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
