package dev.taxiscale.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/** The machine a run measured on: every figure depends on it. */
public record Machine(
    int cores, long memoryMb, long maxHeapMb, String javaVersion, double loadAverage) {

  /** This JVM's view of the machine. */
  public static Machine current() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    long memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getTotalMemorySize() >> 20
            : -1;
    return new Machine(
        os.getAvailableProcessors(),
        memory,
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        os.getSystemLoadAverage());
  }

  /** One line for the reports. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%d cores, %,d MB memory, %,d MB max heap, Java %s, load average %.1f at the start",
        cores,
        memoryMb,
        maxHeapMb,
        javaVersion,
        loadAverage);
  }
}
