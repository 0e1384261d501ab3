package dev.taxiscale.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing; of existing topics only the replies topic's
 * record size limit is brought up to date.
 */
public final class TopicSetup {
  private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
  private static final long TIMEOUT_SECONDS = 30;
  private static final String MAX_MESSAGE_BYTES = "max.message.bytes";

  private TopicSetup() {}

  /** Creates the requests, replies and dead-letter topics that do not exist yet. */
  public static void ensure(String bootstrapServers, TopicConfig config) {
    Properties settings = ClientSettings.admin(bootstrapServers, "taxiscale-setup");
    // at start-up the broker may be busy starting too: wait as long as the whole setup may take
    settings.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_SECONDS * 1000));
    try (Admin admin = Admin.create(settings)) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (existing.contains(Topics.REPLIES)) {
        allowLargeReplies(admin);
      }
      List<NewTopic> missing =
          topics(config).stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("created topics {}", missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      // another process created them between our look and our create
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Raises the replies topic's limit on a topic made before replies could be large. */
  private static void allowLargeReplies(Admin admin)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConfigResource replies = new ConfigResource(ConfigResource.Type.TOPIC, Topics.REPLIES);
    AlterConfigOp raise =
        new AlterConfigOp(
            new ConfigEntry(MAX_MESSAGE_BYTES, String.valueOf(Topics.MAX_REPLY_BYTES)),
            AlterConfigOp.OpType.SET);
    admin
        .incrementalAlterConfigs(Map.of(replies, List.of(raise)))
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  static List<NewTopic> topics(TopicConfig config) {
    short replicas = config.replicationFactor();
    return List.of(
        new NewTopic(Topics.REQUESTS, config.requestPartitions(), replicas)
            .configs(Map.of("retention.ms", String.valueOf(TimeUnit.HOURS.toMillis(1)))),
        new NewTopic(Topics.REPLIES, config.replyPartitions(), replicas)
            .configs(
                Map.of(
                    "retention.ms",
                    String.valueOf(TimeUnit.HOURS.toMillis(1)),
                    MAX_MESSAGE_BYTES,
                    String.valueOf(Topics.MAX_REPLY_BYTES))),
        new NewTopic(Topics.DEAD_LETTER, 1, replicas)
            .configs(Map.of("retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(7)))));
  }
}
