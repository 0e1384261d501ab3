package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.gateway.GatewayClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * POSTs each request to a gateway's {@code /api/v1/query}; any status but 200 is an error.
 *
 * <p>Each calling thread keeps its own connection, as a browser does, through the lean {@link
 * GatewayClient}: a general client's CPU would be taken from the system under test.
 */
final class HttpPath implements QueryPath {
  private static final String PATH = "/api/v1/query";

  private final String name;
  private final int workers;
  private final URI uri;
  private final List<GatewayClient> opened = new CopyOnWriteArrayList<>();

  /**
   * Connections between requests. Client threads come and go with every run, so a connection per
   * thread would pile up sockets over a long warm-up; pooled, there are only as many as requests
   * were ever in flight at once.
   */
  private final Queue<GatewayClient> idle = new ConcurrentLinkedQueue<>();

  HttpPath(String name, int workers, String baseUrl) {
    this.name = name;
    this.workers = workers;
    this.uri = URI.create(baseUrl);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void answer(QueryRequest request) throws IOException {
    GatewayClient client = idle.poll();
    if (client == null) {
      client = new GatewayClient(uri.getHost(), uri.getPort(), Duration.ofSeconds(30));
      opened.add(client);
    }
    GatewayClient.Response response;
    try {
      response = client.post(PATH, QueryJson.writeBytes(request));
    } finally {
      // a client that failed has closed its connection and opens a new one when next used
      idle.add(client);
    }
    if (response.status() != 200) {
      throw new IOException(
          name + " answered " + response.status() + ": " + firstLine(response.text()));
    }
  }

  /** Closes every connection. */
  @Override
  public void close() {
    opened.forEach(GatewayClient::close);
  }

  private static String firstLine(String body) {
    return body.lines().findFirst().orElse("");
  }
}
