package dev.taxiscale.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The record headers of the wire contract (docs/wire-contract.md); values are UTF-8 text. */
public final class WireHeaders {
  /** Request and reply: the id that pairs a reply with its request; required on requests. */
  public static final String CORRELATION_ID = "taxiscale-correlation-id";

  /** Request: the topic the reply goes to; optional, {@link Topics#REPLIES} when absent. */
  public static final String REPLY_TO = "taxiscale-reply-to";

  /** Request: epoch milliseconds after which nobody waits for the reply; optional. */
  public static final String DEADLINE = "taxiscale-deadline";

  /** Request and reply: epoch microseconds when the record was sent, for transit metrics. */
  public static final String SENT_AT = "taxiscale-sent-at";

  /** Reply: the HTTP status the answer stands for: 200, or the status of its problem body. */
  public static final String STATUS = "taxiscale-status";

  /** Dead letter: why the record could not be answered. */
  public static final String ERROR = "taxiscale-error";

  /** Reply topics a worker will write to: the default one or others under its name. */
  private static final Pattern REPLY_TOPIC = Pattern.compile("taxiscale\\.replies[a-zA-Z0-9._-]*");

  private WireHeaders() {}

  /** The last value of a header as text, or {@code null} when it is absent or empty. */
  public static String text(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null || header.value().length == 0) {
      return null;
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The last value of a header as a number, or {@code fallback} when absent or not a number. */
  public static long number(Headers headers, String name, long fallback) {
    String value = text(headers, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Adds a text header. */
  public static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a worker may send replies to this topic. */
  public static boolean isReplyTopic(String topic) {
    return topic != null && topic.length() <= 249 && REPLY_TOPIC.matcher(topic).matches();
  }

  /** The current time in epoch microseconds, the unit of {@link #SENT_AT}. */
  public static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
