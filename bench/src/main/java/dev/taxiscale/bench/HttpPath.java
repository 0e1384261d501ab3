package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs each request to a gateway's {@code /api/v1/query}; any status but 200 is an error. */
final class HttpPath implements QueryPath {
  private final String name;
  private final int workers;
  private final URI uri;
  private final HttpClient client =
      HttpClient.newBuilder()
          // plain HTTP/1.1: the default HTTP/2 adds an h2c upgrade attempt to the first request
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpPath(String name, int workers, String baseUrl) {
    this.name = name;
    this.workers = workers;
    this.uri = URI.create(baseUrl + "/api/v1/query");
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
  public void answer(QueryRequest request) throws IOException, InterruptedException {
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(QueryJson.writeBytes(request)))
            .build();
    HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          name + " answered " + response.statusCode() + ": " + firstLine(response.body()));
    }
  }

  private static String firstLine(String body) {
    return body.lines().findFirst().orElse("");
  }
}
