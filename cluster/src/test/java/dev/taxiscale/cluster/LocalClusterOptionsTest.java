package dev.taxiscale.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code local-cluster.sh start} options: nodes with a budget, and one-line refusals. */
class LocalClusterOptionsTest {
  private static final Path DIR = Path.of("target/options");

  @Test
  void shouldStartNodesWithReplicasAndABudget() {
    ClusterSpec spec =
        LocalClusterCli.spec(DIR, List.of("--nodes", "4", "--node-cpu", "0.25", "--gateways", "2"));

    assertThat(spec.workers()).isEqualTo(4);
    assertThat(spec.replicas()).isTrue();
    assertThat(spec.nodeCpu()).isEqualTo(new CpuBudget(0.25));
    assertThat(spec.gateways()).isEqualTo(2);
  }

  @Test
  void shouldKeepPlainWorkersOnThePrimaryWithoutABudget() {
    ClusterSpec spec = LocalClusterCli.spec(DIR, List.of("--workers", "3"));

    assertThat(spec.replicas()).isFalse();
    assertThat(spec.nodeCpu()).isNull();
  }

  @Test
  void shouldRefuseAZeroBudgetInOneLine() {
    assertThatThrownBy(() -> LocalClusterCli.spec(DIR, List.of("--nodes", "2", "--node-cpu", "0")))
        .hasMessageStartingWith("node CPU must be in")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldRefuseANodeCountThatIsNotANumber() {
    assertThatThrownBy(() -> LocalClusterCli.spec(DIR, List.of("--nodes", "abc")))
        .hasMessage("--nodes must be a whole number, got 'abc'");
  }
}
