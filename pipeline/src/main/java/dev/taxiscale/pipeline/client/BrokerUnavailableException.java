package dev.taxiscale.pipeline.client;

/** The request could not be handed to Kafka: the broker is unreachable or the client stopped. */
public final class BrokerUnavailableException extends RuntimeException {
  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
