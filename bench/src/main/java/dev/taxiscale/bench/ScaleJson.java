package dev.taxiscale.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taxiscale.cluster.CpuBudget;

/** {@code report.json}: the scale report's figures for machines to read. */
final class ScaleJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScaleJson() {}

  static String render(ScaleReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("nodeCpu", r.options().nodeCpu().cpus());
    root.put(
        "node", "one query worker with its own connection pool and one PostgreSQL read replica");
    root.put("machine", r.machine().describe());
    root.put("warm", true);
    ArrayNode scale = root.putArray("scale");
    for (ScalePoint p : r.scale()) {
      ObjectNode o = scale.addObject();
      o.put("nodes", p.nodes());
      o.put("clients", p.clients());
      o.put("throughput", round(p.throughput()));
      o.put("p50", p.p50Ms());
      o.put("p99", p.p99Ms());
      o.put("errors", p.errors());
      o.put("warmUpSeconds", round(p.warmUpSeconds()));
      o.put("stable", p.stable());
      o.put("maxWorkerShare", round(p.maxShare()));
      ObjectNode cores = o.putObject("cpuCores");
      p.cpuCores().forEach((k, v) -> cores.put(k, round(v)));
      ObjectNode ms = o.putObject("cpuMsPerRequest");
      p.cpuMsPerRequest().forEach((k, v) -> ms.put(k, round(v)));
      ObjectNode answers = o.putObject("workerAnswers");
      p.workerAnswers().forEach(answers::put);
    }
    ObjectNode efficiency = root.putObject("efficiency");
    r.efficiency().forEach((n, e) -> efficiency.put(String.valueOf(n), round(e)));
    ObjectNode usl = root.putObject("usl");
    usl.put("lambda", round(r.usl().lambda()));
    usl.put("sigma", r.usl().sigma());
    usl.put("kappa", r.usl().kappa());
    double peak = r.usl().peakNodes();
    if (Double.isFinite(peak)) {
      usl.put("peakNodes", round(peak));
      usl.put("peakThroughput", round(r.usl().predict(peak)));
    }
    usl.put("predicted8", round(r.usl().predict(8)));
    ObjectNode ww = root.putObject("withWithout");
    ww.put("overload", r.options().overload());
    ArrayNode runs = ww.putArray("runs");
    for (WithWithout w : r.withWithout()) {
      ObjectNode o = runs.addObject();
      o.put("nodes", w.nodes());
      o.put("rate", round(w.ratePerSecond()));
      o.put("requests", w.requests());
      o.put("mean", round(w.meanMs()));
      o.put("p50", round(w.p50Ms()));
      o.put("p99", round(w.p99Ms()));
      o.put("errors", w.errors());
    }
    ww.put("meanRatio", round(r.withWithoutMeanRatio()));
    ArrayNode cold = root.putArray("coldStarts");
    for (ColdStart c : r.coldStarts()) {
      ObjectNode o = cold.addObject();
      o.put("node", c.nodes());
      o.put("joinedSeconds", round(c.joinedSeconds()));
      o.put("ninetyPercentSeconds", round(c.ninetyPercentSeconds()));
      o.put("reached", c.reached());
    }
    if (r.composite() != null) {
      ObjectNode c = root.putObject("composite");
      composite(c, r.composite(), r.options().nodeCpu().steady());
      if (r.compositeBursting() != null) {
        composite(c.putObject("bursting"), r.compositeBursting(), r.options().nodeCpu());
      }
    }
    ObjectNode capacity = root.putObject("capacity");
    capacity.put("targetUtilization", r.capacity().targetUtilization());
    ObjectNode per = capacity.putObject("cpuMsPerRequest");
    r.capacity().cpuMsPerRequest().forEach((k, v) -> per.put(k, round(v)));
    root.putArray("notes").addAll(r.notes().stream().map(JSON.getNodeFactory()::textNode).toList());
    root.put("seconds", round(r.seconds()));
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void composite(ObjectNode c, CompositeProbe probe, CpuBudget budget) {
    c.put("cpuPeriodMs", budget.periodMicros() / 1e3);
    c.put("rides", probe.rides());
    c.put("compositeP50", probe.compositeP50Ms());
    c.put("slowestPart", probe.slowestPart().field());
    c.put("slowestPartP50", probe.slowestP50Ms());
    c.put("ratio", round(probe.ratio()));
    c.put("errors", probe.errors());
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : -1;
  }
}
