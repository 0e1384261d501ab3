package dev.taxiscale.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class WireHeadersTest {

  @Test
  void shouldAcceptTheDefaultReplyTopicAndItsSiblings() {
    assertThat(WireHeaders.isReplyTopic(Topics.REPLIES)).isTrue();
    assertThat(WireHeaders.isReplyTopic("taxiscale.replies.gateway-2")).isTrue();
  }

  @Test
  void shouldRefuseToReplyIntoTheRequestsTopic() {
    assertThat(WireHeaders.isReplyTopic(Topics.REQUESTS)).isFalse();
  }

  @Test
  void shouldFallBackWhenANumberHeaderIsNotANumber() {
    RecordHeaders headers = new RecordHeaders();
    WireHeaders.put(headers, WireHeaders.DEADLINE, "tomorrow");

    assertThat(WireHeaders.number(headers, WireHeaders.DEADLINE, 7)).isEqualTo(7);
  }

  @Test
  void shouldReadTheLastValueOfARepeatedHeader() {
    RecordHeaders headers = new RecordHeaders();
    WireHeaders.put(headers, WireHeaders.CORRELATION_ID, "first");
    WireHeaders.put(headers, WireHeaders.CORRELATION_ID, "second");

    assertThat(WireHeaders.text(headers, WireHeaders.CORRELATION_ID)).isEqualTo("second");
  }
}
