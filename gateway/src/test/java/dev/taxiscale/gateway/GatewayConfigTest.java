package dev.taxiscale.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
  @Test
  void shouldKeepARidesPartsApartUnlessToldOtherwise() {
    assertThat(GatewayConfig.fromEnvironment(Map.of()).rideParts()).isEqualTo(RideParts.APART);
    assertThat(
            GatewayConfig.fromEnvironment(Map.of(GatewayConfig.ENV_RIDE_PARTS, "Together"))
                .rideParts())
        .isEqualTo(RideParts.TOGETHER);
  }

  @Test
  void shouldNameTheVariableOfAnUnknownRidePartsSetting() {
    assertThatThrownBy(
            () -> GatewayConfig.fromEnvironment(Map.of(GatewayConfig.ENV_RIDE_PARTS, "split")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("TAXISCALE_GATEWAY_RIDE_PARTS must be apart or together, got 'split'");
  }

  @Test
  void shouldTakeTheModeInAnyCaseAndListTheModesWhenItIsUnknown() {
    assertThat(GatewayConfig.fromEnvironment(Map.of(GatewayConfig.ENV_MODE, " Direct ")).mode())
        .isEqualTo(GatewayConfig.Mode.DIRECT);
    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of(GatewayConfig.ENV_MODE, "grpc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(GatewayConfig.ENV_MODE + " must be kafka or direct, got 'grpc'");
  }
}
