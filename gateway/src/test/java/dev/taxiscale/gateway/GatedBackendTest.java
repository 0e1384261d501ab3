package dev.taxiscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.pipeline.Reply;
import dev.taxiscale.pipeline.client.WorkerGroupWatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GatedBackendTest {

  /** A backend that is always ready and never asked anything here. */
  private static final QueryBackend ALWAYS_READY =
      new QueryBackend() {
        @Override
        public CompletableFuture<Reply> submit(QueryRequest r, byte[] json, Duration timeout) {
          throw new UnsupportedOperationException();
        }

        @Override
        public boolean ready() {
          return true;
        }

        @Override
        public String name() {
          return "kafka";
        }

        @Override
        public void close() {}
      };

  @Test
  void shouldNotBeReadyUntilOpened() {
    GatedBackend gated = new GatedBackend(ALWAYS_READY);

    assertThat(gated.ready()).isFalse();
    gated.open();
    assertThat(gated.ready()).isTrue();
    assertThat(gated.name()).isEqualTo("kafka");
  }

  @Test
  void shouldShowTheWorkersOfTheBackendItGates() {
    try (WorkerGroupWatch watch =
        new WorkerGroupWatch("127.0.0.1:1", "gated-test", new SimpleMeterRegistry())) {
      QueryBackend kafka =
          new QueryBackend() {
            @Override
            public CompletableFuture<Reply> submit(QueryRequest r, byte[] json, Duration timeout) {
              throw new UnsupportedOperationException();
            }

            @Override
            public boolean ready() {
              return true;
            }

            @Override
            public Optional<WorkerGroupWatch> workerGroup() {
              return Optional.of(watch);
            }

            @Override
            public String name() {
              return "kafka";
            }

            @Override
            public void close() {}
          };

      assertThat(new GatedBackend(kafka).workerGroup()).containsSame(watch);
    }
  }
}
