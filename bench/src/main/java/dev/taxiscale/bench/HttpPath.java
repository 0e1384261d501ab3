package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.gateway.GatewayClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
  private final List<GatewayClient> opened = new CopyOnWriteArrayList<>();
  private final ThreadLocal<GatewayClient> clients;

  HttpPath(String name, int workers, String baseUrl) {
    this.name = name;
    this.workers = workers;
    URI uri = URI.create(baseUrl);
    this.clients =
        ThreadLocal.withInitial(
            () -> {
              GatewayClient client =
                  new GatewayClient(uri.getHost(), uri.getPort(), Duration.ofSeconds(30));
              opened.add(client);
              return client;
            });
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
    GatewayClient.Response response = clients.get().post(PATH, QueryJson.writeBytes(request));
    if (response.status() != 200) {
      throw new IOException(
          name + " answered " + response.status() + ": " + firstLine(response.text()));
    }
  }

  /** Closes every thread's connection. */
  @Override
  public void close() {
    opened.forEach(GatewayClient::close);
  }

  private static String firstLine(String body) {
    return body.lines().findFirst().orElse("");
  }
}
