package dev.taxiscale.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

  @Test
  void shouldRunOnAllLocalCoresWhenNothingIsConfigured() {
    assertThat(SparkSettings.fromEnvironment(Map.of()).master()).isEqualTo("local[*]");
  }

  @Test
  void shouldTakeTheMasterFromTheEnvironment() {
    SparkSettings settings =
        SparkSettings.fromEnvironment(
            Map.of(SparkSettings.MASTER_ENV, "spark://spark-master:7077"));

    assertThat(settings.master()).isEqualTo("spark://spark-master:7077");
  }

  @Test
  void shouldBindToLoopbackOnlyForLocalMasters() {
    SparkSettings local = SparkSettings.fromEnvironment(Map.of());

    assertThat(local.isLocal()).isTrue();
    assertThat(local.withMaster("k8s://https://kubernetes:443").isLocal()).isFalse();
  }

  @Test
  void shouldRejectABlankMasterWithTheAllowedForms() {
    assertThatThrownBy(() -> new SparkSettings(" ", "taxiscale-ingest", 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("local[*]");
  }

  @Test
  void shouldRejectZeroShufflePartitions() {
    assertThatThrownBy(() -> SparkSettings.fromEnvironment(Map.of()).withShufflePartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
