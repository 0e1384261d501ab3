package dev.taxiscale.core.query;

/** The 10th percentile, median and 90th percentile of a sample. */
public record Spread(double p10, double median, double p90) {}
