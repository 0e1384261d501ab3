package dev.taxiscale.bench;

import dev.taxiscale.core.query.QueryRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request to the next gateway in turn, as a Kubernetes Service spreads connections over
 * its pods: gateways are stateless, so any of them may take any request.
 */
final class GatewaySpread implements QueryPath {
  private final String name;
  private final List<HttpPath> gateways;
  private final AtomicLong next = new AtomicLong();

  GatewaySpread(String name, List<URI> gateways) {
    this.name = name;
    this.gateways = gateways.stream().map(uri -> new HttpPath(name, 0, uri.toString())).toList();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void answer(QueryRequest request) throws Exception {
    gateways.get((int) (next.getAndIncrement() % gateways.size())).answer(request);
  }

  @Override
  public void close() {
    gateways.forEach(HttpPath::close);
  }
}
