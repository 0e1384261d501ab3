package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.s3.S3Settings;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class S3aSettingsTest {
  private static final URI MINIO = URI.create("http://127.0.0.1:9000");

  @Test
  void shouldAddressAnEndpointPathStyleWithoutTlsForHttp() {
    Map<String, String> settings =
        S3aSettings.of(S3Settings.fromEnvironment(Map.of(), MINIO.toString()));

    assertThat(settings)
        .containsEntry(S3aSettings.ENDPOINT, "http://127.0.0.1:9000")
        .containsEntry(S3aSettings.PATH_STYLE, "true")
        .containsEntry(S3aSettings.SSL, "false");
  }

  @Test
  void shouldKeepTlsAndVirtualHostsForAwsItself() {
    Map<String, String> settings = S3aSettings.of(S3Settings.fromEnvironment(Map.of(), null));

    assertThat(settings)
        .doesNotContainKeys(S3aSettings.ENDPOINT, S3aSettings.PATH_STYLE, S3aSettings.SSL)
        .containsKey(S3aSettings.REGION);
  }

  @Test
  void shouldLetEachExecutorResolveTheStandardChainItself() {
    Map<String, String> settings = S3aSettings.of(S3Settings.fromEnvironment(Map.of(), null));

    assertThat(settings)
        .containsEntry(
            S3aSettings.PROVIDER,
            "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider")
        .doesNotContainKeys(S3aSettings.ACCESS_KEY, S3aSettings.SECRET_KEY);
  }

  @Test
  void shouldPassKeysGivenExplicitly() {
    var keys = StaticCredentialsProvider.create(AwsBasicCredentials.create("minio", "secret"));

    Map<String, String> settings = S3aSettings.of(S3Settings.forEndpoint(MINIO, keys));

    assertThat(settings)
        .containsEntry(S3aSettings.ACCESS_KEY, "minio")
        .containsEntry(S3aSettings.SECRET_KEY, "secret")
        .containsEntry(S3aSettings.PROVIDER, S3aSettings.SIMPLE_PROVIDER)
        .containsEntry(S3aSettings.REGION, S3Settings.FALLBACK_REGION.id());
  }

  @Test
  void shouldPassASessionTokenWithTemporaryKeys() {
    var keys =
        StaticCredentialsProvider.create(AwsSessionCredentials.create("id", "secret", "token"));

    Map<String, String> settings = S3aSettings.of(S3Settings.forEndpoint(MINIO, keys));

    assertThat(settings)
        .containsEntry(S3aSettings.SESSION_TOKEN, "token")
        .containsEntry(S3aSettings.PROVIDER, S3aSettings.TEMPORARY_PROVIDER);
  }
}
