package dev.taxiscale.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  private static final Map<String, String> BOTH_VARIABLES =
      Map.of(
          S3Settings.ENDPOINT_S3_ENV, "http://minio:9000",
          S3Settings.ENDPOINT_ENV, "http://everything:4566");

  @Test
  void shouldPreferTheFlagToTheEnvironment() {
    S3Settings settings = S3Settings.fromEnvironment(BOTH_VARIABLES, "http://127.0.0.1:9001");

    assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9001"));
  }

  @Test
  void shouldPreferTheS3SpecificVariableToTheGeneralOne() {
    assertThat(S3Settings.fromEnvironment(BOTH_VARIABLES, null).endpoint())
        .isEqualTo(URI.create("http://minio:9000"));
    assertThat(
            S3Settings.fromEnvironment(
                    Map.of(S3Settings.ENDPOINT_ENV, "http://everything:4566"), " ")
                .endpoint())
        .isEqualTo(URI.create("http://everything:4566"));
  }

  @Test
  void shouldTalkToAwsItselfWithoutAnEndpoint() {
    assertThat(S3Settings.fromEnvironment(Map.of(), null).endpoint()).isNull();
  }

  @Test
  void shouldRejectAnEndpointThatIsNotAUrl() {
    assertThatThrownBy(() -> S3Settings.fromEnvironment(Map.of(), "minio:9000"))
        .hasMessageContaining("is not a URL such as http://127.0.0.1:9000");
  }
}
