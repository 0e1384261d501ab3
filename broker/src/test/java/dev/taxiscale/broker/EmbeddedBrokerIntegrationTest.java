package dev.taxiscale.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.pipeline.ClientSettings;
import dev.taxiscale.pipeline.TopicConfig;
import dev.taxiscale.pipeline.TopicSetup;
import dev.taxiscale.pipeline.Topics;
import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerIntegrationTest {

  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsWhenRestartedOnTheSameDirectory() throws Exception {
    BrokerConfig bound;
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(dataDir))) {
      TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(3, 1, (short) 1));
      bound = broker.boundConfig();
    }

    try (EmbeddedBroker again = EmbeddedBroker.start(bound);
        Admin admin = Admin.create(ClientSettings.admin(again.bootstrapServers(), "test"))) {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertThat(names).contains(Topics.REQUESTS, Topics.REPLIES, Topics.DEAD_LETTER);
    }
  }

  @Test
  void shouldStartFromARelativeDataDirectory() throws Exception {
    Path relative = Path.of("target", "relative-broker-" + System.nanoTime());

    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerConfig.embeddedOnFreePorts(relative))) {
      TopicSetup.ensure(broker.bootstrapServers(), new TopicConfig(1, 1, (short) 1));
    }

    assertThat(relative.resolve("meta.properties")).exists();
  }

  @Test
  void shouldLeaveNoBrokerThreadsWhenItsPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      BrokerConfig clash = new BrokerConfig(null, dataDir, taken.getLocalPort(), 0);
      int before = nonDaemonThreads();

      assertThatThrownBy(() -> EmbeddedBroker.start(clash)).isInstanceOf(RuntimeException.class);

      assertThat(nonDaemonThreads()).isLessThanOrEqualTo(before);
    }
  }

  private static int nonDaemonThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && !t.isDaemon())
            .count();
  }
}
