package dev.taxiscale.pipeline;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Explicit settings for every Kafka client of the pipeline: keys are text, values JSON bytes. */
public final class ClientSettings {
  /** The SCRAM user this process logs in to Kafka as; unset: no authentication (local broker). */
  public static final String ENV_USER = "TAXISCALE_KAFKA_USER";

  /** That user's password. */
  public static final String ENV_PASSWORD = "TAXISCALE_KAFKA_PASSWORD";

  /** The SCRAM mechanism, as Strimzi's {@code scram-sha-512} users have it. */
  static final String MECHANISM = "SCRAM-SHA-512";

  private ClientSettings() {}

  /**
   * A producer tuned for request/reply latency: no lingering, batching only what queues up during a
   * round trip, every record acknowledged by all in-sync replicas, idempotent so retries do not
   * duplicate.
   *
   * @param deliveryTimeout how long a record may wait for the broker before its send fails
   */
  public static Properties producer(String bootstrap, String clientId, Duration deliveryTimeout) {
    Properties p = common(bootstrap, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    // one produce request at a time per broker: a lone record still leaves at once, while under
    // load the records sent during a round trip go together in the next request, so the broker
    // handles a few large requests instead of one per record
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    int requestTimeout = (int) Math.min(deliveryTimeout.toMillis(), 5_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(requestTimeout));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout.toMillis()));
    // send() blocks only while metadata is missing; an HTTP thread must not wait long for it
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /**
   * The workers' producer of large replies (above {@link Topics#COMPRESS_REPLIES_ABOVE}): as {@link
   * #producer}, but replies are compressed and may be as large as {@link Topics#MAX_REPLY_BYTES},
   * far above Kafka's 1 MB default, since a heatmap answer can be.
   */
  public static Properties largeReplyProducer(
      String bootstrap, String clientId, Duration deliveryTimeout) {
    Properties p = producer(bootstrap, clientId, deliveryTimeout);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.MAX_REPLY_BYTES));
    // one reply of the largest size must fit the send buffer, with room for the others
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(2L * Topics.MAX_REPLY_BYTES));
    return p;
  }

  /**
   * A consumer that commits nothing on its own and fetches as soon as one byte is there.
   *
   * @param groupId the consumer group, or {@code null} for a consumer with assigned partitions
   */
  public static Properties consumer(String bootstrap, String clientId, String groupId) {
    Properties p = common(bootstrap, clientId);
    if (groupId != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /** An admin client that gives up quickly, for topic setup and health probes. */
  public static Properties admin(String bootstrap, String clientId) {
    Properties p = common(bootstrap, clientId);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    return p;
  }

  private static Properties common(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    // reconnect quickly after a broker restart instead of backing off for up to a second
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
    p.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "250");
    p.putAll(login(System.getenv()));
    return p;
  }

  /**
   * SASL/SCRAM settings when {@value #ENV_USER} is set, so that a broker with ACLs knows who is
   * asking: a gateway may write requests and read replies, a worker the opposite
   * (docs/wire-contract.md, "Trust").
   */
  static Properties login(java.util.Map<String, String> env) {
    Properties p = new Properties();
    String user = env.get(ENV_USER);
    if (user == null || user.isBlank()) {
      return p;
    }
    String password = env.getOrDefault(ENV_PASSWORD, "");
    if (password.isEmpty()) {
      throw new IllegalArgumentException(ENV_USER + " is set but " + ENV_PASSWORD + " is not");
    }
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        ScramLoginModule.class.getName()
            + " required username=\""
            + jaasQuoted(user)
            + "\" password=\""
            + jaasQuoted(password)
            + "\";");
    return p;
  }

  private static String jaasQuoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
