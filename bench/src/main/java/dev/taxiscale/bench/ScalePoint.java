package dev.taxiscale.bench;

import java.util.Map;

/**
 * Capacity at one node count, measured warm.
 *
 * @param nodes nodes answering
 * @param throughput answers per second with {@code clients} closed-loop clients
 * @param p50Ms median latency
 * @param p99Ms 99th percentile latency
 * @param errors requests that failed in the window
 * @param warmUpSeconds how long it took until three windows in a row were within 5% of each other
 * @param stable whether they were, or the warm-up limit ran out first
 * @param cpuCores cores each component used on average in the window (node-N, gateways, broker,
 *     primary, load generator)
 * @param cpuMsPerRequest CPU milliseconds each component spent per answered request
 * @param workerAnswers answers per worker in the window
 * @param maxShare the busiest worker's answers over the mean
 */
public record ScalePoint(
    int nodes,
    int clients,
    double throughput,
    double p50Ms,
    double p99Ms,
    long errors,
    double warmUpSeconds,
    boolean stable,
    Map<String, Double> cpuCores,
    Map<String, Double> cpuMsPerRequest,
    Map<String, Long> workerAnswers,
    double maxShare) {}
