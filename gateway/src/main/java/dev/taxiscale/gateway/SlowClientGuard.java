package dev.taxiscale.gateway;

import io.javalin.config.JavalinConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler.RetainedContentLoaderFactory;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections that hog the gateway: more than {@link ConnectionLimits#perAddress()} from one
 * client address, and any that keep trickling bytes for a whole {@link
 * ConnectionLimits#readTimeout()} without completing a request. Jetty's idle timeout alone misses
 * the second kind, since every byte restarts it.
 */
final class SlowClientGuard implements Connection.Listener {
  /**
   * Connections the kernel completes while the gateway is busy; the JDK's default of 50 makes a
   * burst of clients wait out TCP's SYN retries (1 s, 3 s, 7 s) before they are even accepted, and
   * 1,024 overflowed when 2,000 clients connected at once (the kernel fell back to SYN cookies and
   * clients reconnected). Linux caps it at {@code net.core.somaxconn} (4,096 by default).
   */
  private static final int ACCEPT_QUEUE = 4_096;

  private final ConnectionLimits limits;
  private final Scheduler scheduler;
  private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

  /**
   * The address each counted connection was opened from: once closed, an endpoint no longer knows
   * its remote address, so reading it again in {@link #onClosed} would leave the count up forever.
   */
  private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

  SlowClientGuard(ConnectionLimits limits, Scheduler scheduler) {
    this.limits = limits;
    this.scheduler = scheduler;
  }

  /**
   * Binds the gateway's connector with these limits, and reads each request body in full before a
   * handler thread is taken: a body dribbled byte by byte then waits on the selector, not on one of
   * the few request threads.
   */
  static void install(JavalinConfig javalin, GatewayConfig config, long maxBodyBytes) {
    javalin.jetty.modifyServer(
        server ->
            server.insertHandler(
                new EagerContentHandler(new RetainedContentLoaderFactory(maxBodyBytes, -1, true))));
    javalin.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(config.host());
          connector.setPort(config.port());
          connector.setIdleTimeout(config.connections().idleTimeout().toMillis());
          connector.setAcceptQueueSize(ACCEPT_QUEUE);
          connector.addEventListener(
              new SlowClientGuard(config.connections(), connector.getScheduler()));
          return connector;
        });
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = addressOf(connection);
    if (address != null) {
      counted.put(connection, address);
      // counted inside compute, so a close that empties the entry cannot lose this increment
      int from = open.compute(address, SlowClientGuard::plusOne).get();
      if (from > limits.perAddress()) {
        connection.getEndPoint().close();
        return;
      }
    }
    watch(connection, connection.getMessagesIn(), connection.getBytesIn());
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress address = counted.remove(connection);
    if (address != null) {
      open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
    }
  }

  private static AtomicInteger plusOne(InetAddress address, AtomicInteger count) {
    AtomicInteger next = count == null ? new AtomicInteger() : count;
    next.incrementAndGet();
    return next;
  }

  /** Connections open now from {@code address}, for tests and metrics. */
  int openFrom(InetAddress address) {
    AtomicInteger count = open.get(address);
    return count == null ? 0 : count.get();
  }

  private void watch(Connection connection, long messages, long bytes) {
    scheduler.schedule(
        () -> check(connection, messages, bytes),
        limits.readTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void check(Connection connection, long messagesBefore, long bytesBefore) {
    if (!connection.getEndPoint().isOpen()) {
      return;
    }
    long messages = connection.getMessagesIn();
    long bytes = connection.getBytesIn();
    // still receiving, yet no new request in a whole period; a connection that finished its last
    // request early in the period and has been quiet since is left to the idle timeout
    if (messages == messagesBefore && bytes > bytesBefore && recentlyActive(connection)) {
      connection.getEndPoint().close();
    } else {
      watch(connection, messages, bytes);
    }
  }

  private boolean recentlyActive(Connection connection) {
    return !(connection.getEndPoint() instanceof IdleTimeout idle)
        || idle.getIdleFor() < limits.readTimeout().toMillis() / 2;
  }

  private static InetAddress addressOf(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
