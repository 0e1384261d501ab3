package dev.taxiscale.bench.chaos;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.WireHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Clients that do not play by the rules: slow request bodies, and forged Kafka records. */
final class HostileClients {
  /** A reply-to inside the reply topics' prefix that names no topic. */
  static final String GHOST_TOPIC = Topics.REPLIES + ".ghost";

  private static final int SLOW_PER_ADDRESS = 100;

  private HostileClients() {}

  /**
   * Opens {@code count} connections that send full headers for a 10,000-byte body and then one byte
   * a second for {@code length}, then close them.
   */
  static void slowBodies(URI gateway, int count, Duration length)
      throws IOException, InterruptedException {
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(loopback(2 + i / SLOW_PER_ADDRESS), 0));
        s.connect(new InetSocketAddress(gateway.getHost(), gateway.getPort()), 5_000);
        s.getOutputStream()
            .write(
                ("POST /api/v1/nearby HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                        + " application/json\r\nContent-Length: 10000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
        sockets.add(s);
      }
      long end = System.nanoTime() + length.toNanos();
      while (System.nanoTime() < end) {
        TimeUnit.SECONDS.sleep(1);
        for (Socket s : sockets) {
          dribble(s);
        }
      }
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static void dribble(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(' ');
      out.flush();
    } catch (IOException e) {
      // the gateway closed it, as it should a connection that never finishes its request
    }
  }

  /**
   * Sends {@code count} requests whose reply-to names a topic that does not exist, and as many
   * replies for correlation ids no gateway asked for.
   */
  static void forgedRecords(String bootstrapServers, byte[] request, int count) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            ClientSettings.producer(bootstrapServers, "taxiscale-chaos", Duration.ofSeconds(30)))) {
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, byte[]> ghost = new ProducerRecord<>(Topics.REQUESTS, request);
        WireHeaders.put(ghost.headers(), WireHeaders.CORRELATION_ID, ReplyWatch.FORGED + "q" + i);
        WireHeaders.put(ghost.headers(), WireHeaders.REPLY_TO, GHOST_TOPIC);
        producer.send(ghost);
        ProducerRecord<String, byte[]> reply =
            new ProducerRecord<>(
                Topics.REPLIES, "{\"forged\":true}".getBytes(StandardCharsets.UTF_8));
        WireHeaders.put(reply.headers(), WireHeaders.CORRELATION_ID, ReplyWatch.FORGED + "r" + i);
        WireHeaders.put(reply.headers(), WireHeaders.STATUS, "200");
        producer.send(reply);
      }
      producer.flush();
    }
  }

  private static InetAddress loopback(int n) throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 250), (byte) (n % 250 + 1)});
  }
}
