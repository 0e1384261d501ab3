package dev.taxiscale.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.cluster.CpuBudget;
import dev.taxiscale.pipeline.ride.RidePart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale report's figures, from measurements made up for the test. */
class ScaleReportTest {
  private static final ScaleOptions OPTIONS =
      new ScaleOptions(
          List.of(1, 2, 4),
          new CpuBudget(0.25),
          10_000,
          1,
          100,
          8,
          10,
          60,
          2.5,
          4,
          2,
          Path.of("r"),
          List.of());

  private final ScaleReport report =
      ScaleReport.of(
          OPTIONS,
          Machine.current(),
          List.of(point(1, 100), point(2, 190), point(4, 360)),
          List.of(
              new WithWithout(1, 250, 500, 400, 380, 900, 3),
              new WithWithout(4, 250, 500, 8, 7, 20, 0)),
          List.of(new ColdStart(2, 12.5, 20, true)),
          new CompositeProbe(
              25,
              3.0,
              Map.of(RidePart.NEARBY, 1.5, RidePart.FARE, 2.5),
              2.5,
              RidePart.FARE,
              1.2,
              0),
          new CompositeProbe(
              25,
              4.5,
              Map.of(RidePart.NEARBY, 1.5, RidePart.FARE, 2.5),
              2.5,
              RidePart.FARE,
              1.8,
              0),
          List.of(),
          300);

  @Test
  void shouldGiveEachNodeCountItsScalingEfficiency() {
    assertThat(report.efficiency().get(2)).isCloseTo(0.95, within(1e-9));
    assertThat(report.efficiency().get(4)).isCloseTo(0.90, within(1e-9));
  }

  @Test
  void shouldWriteTheMachineReadableFiguresTheIssueOfTheReportNames() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ScaleJson.render(report));

    assertThat(json.get("nodeCpu").asDouble()).isEqualTo(0.25);
    assertThat(json.get("scale")).hasSize(3);
    assertThat(json.get("scale").get(2).get("throughput").asDouble()).isEqualTo(360);
    assertThat(json.get("scale").get(0).has("p50")).isTrue();
    assertThat(json.get("scale").get(0).has("p99")).isTrue();
    assertThat(json.get("scale").get(0).has("errors")).isTrue();
    assertThat(json.get("efficiency").get("4").asDouble()).isEqualTo(0.9);
    assertThat(json.get("usl").has("sigma")).isTrue();
    assertThat(json.get("usl").has("kappa")).isTrue();
    assertThat(json.get("withWithout").get("meanRatio").asDouble()).isEqualTo(0.02);
    assertThat(json.get("composite").get("ratio").asDouble()).isEqualTo(1.2);
    // a quarter core granted steadily is 1 ms in each 4, in bursts 25 ms in each 100
    assertThat(json.get("composite").get("cpuPeriodMs").asDouble()).isEqualTo(4);
    assertThat(json.get("composite").get("bursting").get("ratio").asDouble()).isEqualTo(1.8);
    assertThat(json.get("composite").get("bursting").get("cpuPeriodMs").asDouble()).isEqualTo(100);
  }

  @Test
  void shouldSayHowTheNodesWereGrantedTheirShareForEachCompositeProbe() {
    String md = ScaleMarkdown.render(report);

    assertThat(md)
        .containsPattern("0\\.25 CPU per 4 ms period: 25 rides.*ratio 1\\.20")
        .containsPattern("0\\.25 CPU per 100 ms period: 25 rides.*ratio 1\\.80");
  }

  @Test
  void shouldSizePodsFromTheCpuEachRequestCost() {
    // 1 ms of worker CPU per request: 0.5 CPU at 70% serves 350 requests/s
    assertThat(report.capacity().ratePerPod(CapacityModel.WORKER, 0.5))
        .isCloseTo(350, within(1e-6));
    assertThat(report.capacity().pods(700, 0.5).get(CapacityModel.WORKER)).isEqualTo(2);
  }

  @Test
  void shouldDrawTheIdealLineAndEveryMeasuredPoint() {
    String html = ScaleHtml.render(report);

    assertThat(html).contains("stroke-dasharray").contains("4 nodes: 360 req/s");
  }

  private static ScalePoint point(int nodes, double throughput) {
    return new ScalePoint(
        nodes,
        8 * nodes,
        throughput,
        2,
        9,
        0,
        30,
        true,
        Map.of("node-1", 0.25),
        Map.of("node-1", 1.6 * nodes, CpuSnapshot.WORKERS, 1.0, CpuSnapshot.GATEWAYS, 0.4),
        Map.of("worker-1", 1000L),
        1.05);
  }
}
