package dev.taxiscale.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taxiscale.pipeline.broker.BrokerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFromEnvironmentTest {

  @Test
  void shouldUseTheEmbeddedBrokerWhenNoBootstrapServersAreSet() {
    BrokerConfig config = BrokerConfig.fromEnvironment(Map.of());

    assertThat(config.embedded()).isTrue();
    assertThat(config.clientBootstrap()).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void shouldUseAnExternalClusterWhenBootstrapServersAreSet() {
    BrokerConfig config =
        BrokerConfig.fromEnvironment(
            Map.of(BrokerConfig.ENV_BOOTSTRAP, "kafka-1:9092,kafka-2:9092"));

    assertThat(config.embedded()).isFalse();
    assertThat(config.clientBootstrap()).isEqualTo("kafka-1:9092,kafka-2:9092");
  }

  @Test
  void shouldTakeThePartitionCountFromTheEnvironment() {
    TopicConfig config =
        TopicConfig.fromEnvironment(Map.of(TopicConfig.ENV_REQUEST_PARTITIONS, "16"));

    assertThat(config.requestPartitions()).isEqualTo(16);
  }

  @Test
  void shouldNameTheVariableThatIsNotANumber() {
    assertThatThrownBy(
            () -> TopicConfig.fromEnvironment(Map.of(TopicConfig.ENV_REQUEST_PARTITIONS, "many")))
        .hasMessageContaining(TopicConfig.ENV_REQUEST_PARTITIONS);
  }

  enum Colour {
    RED,
    GREEN,
    BLUE
  }

  @Test
  void shouldListEveryChoiceWhenAChoiceIsUnknown() {
    assertThat(Env.choiceOf(Colour.class, "green", "--colour")).isEqualTo(Colour.GREEN);
    assertThatThrownBy(() -> Env.choiceOf(Colour.class, "teal", "--colour"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--colour must be red, green or blue, got 'teal'");
  }

  enum Shape {
    ROUND
  }

  @Test
  void shouldNameTheOnlyChoiceAlone() {
    assertThatThrownBy(() -> Env.choiceOf(Shape.class, "square", "--shape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--shape must be round, got 'square'");
  }
}
