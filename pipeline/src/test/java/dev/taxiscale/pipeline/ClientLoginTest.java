package dev.taxiscale.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Clients log in to a broker with ACLs as the user the environment names, and only then. */
class ClientLoginTest {

  @Test
  void shouldLogInWithScramAsTheNamedUser() {
    Properties login =
        ClientSettings.login(
            Map.of(
                ClientSettings.ENV_USER, "taxiscale-worker", ClientSettings.ENV_PASSWORD, "s\"3"));

    assertThat(login)
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(login.getProperty("sasl.jaas.config"))
        .contains("username=\"taxiscale-worker\"")
        .contains("password=\"s\\\"3\"");
  }

  @Test
  void shouldNotLogInWithoutAUser() {
    assertThat(ClientSettings.login(Map.of())).isEmpty();
  }

  @Test
  void shouldRefuseAUserWithoutPassword() {
    assertThatThrownBy(() -> ClientSettings.login(Map.of(ClientSettings.ENV_USER, "gateway")))
        .hasMessageContaining(ClientSettings.ENV_PASSWORD);
  }
}
