package dev.taxiscale.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pods needed for a request rate, from the CPU each component spent per request at the largest node
 * count measured: {@code pods = ceil(rate x cpu per request / (pod CPU x target use))}.
 *
 * @param cpuMsPerRequest CPU milliseconds per answered request: worker, replica, gateway, broker
 * @param targetUtilization the share of a pod's CPU an autoscaler aims for
 */
public record CapacityModel(Map<String, Double> cpuMsPerRequest, double targetUtilization) {
  static final double TARGET = 0.7;
  static final String WORKER = "worker";
  static final String REPLICA = "replica";
  static final String GATEWAY = "gateway";
  static final String BROKER = "broker";

  static CapacityModel of(ScalePoint point, double nodeCpu) {
    Map<String, Double> ms = point.cpuMsPerRequest();
    double nodes =
        ms.entrySet().stream()
            .filter(e -> e.getKey().startsWith("node-"))
            .mapToDouble(Map.Entry::getValue)
            .sum();
    double workers = ms.getOrDefault(CpuSnapshot.WORKERS, 0.0);
    Map<String, Double> perRequest = new LinkedHashMap<>();
    perRequest.put(WORKER, workers);
    perRequest.put(REPLICA, Math.max(0, nodes - workers));
    perRequest.put(GATEWAY, ms.getOrDefault(CpuSnapshot.GATEWAYS, 0.0));
    perRequest.put(BROKER, ms.getOrDefault(CpuSnapshot.BROKER, 0.0));
    return new CapacityModel(perRequest, TARGET);
  }

  /** Pods of {@code podCpu} cores each component needs to serve {@code rate} requests/s. */
  public Map<String, Integer> pods(double rate, double podCpu) {
    Map<String, Integer> pods = new LinkedHashMap<>();
    cpuMsPerRequest.forEach(
        (component, ms) ->
            pods.put(
                component,
                (int) Math.max(1, Math.ceil(rate * ms / 1e3 / (podCpu * targetUtilization)))));
    return pods;
  }

  /** The requests per second one pod of {@code podCpu} cores serves at the target use. */
  public double ratePerPod(String component, double podCpu) {
    double ms = cpuMsPerRequest.getOrDefault(component, 0.0);
    return ms == 0 ? Double.POSITIVE_INFINITY : podCpu * targetUtilization * 1e3 / ms;
  }
}
