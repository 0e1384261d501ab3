package dev.taxiscale.spark;

import dev.taxiscale.ingest.Progress;
import dev.taxiscale.ingest.ProgressSink;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress lines for the Spark engine, as the local engine prints them: the lines and bytes of the
 * file that the load job's tasks have read, finished tasks from their final metrics and running
 * ones from their last heartbeat. Listener events arrive on Spark's one listener thread.
 */
final class SparkProgress extends SparkListener {
  /** The local property that marks the jobs to follow: the load job, not the line numbering. */
  static final String WATCH = "taxiscale.progress";

  private static final String BYTES = "internal.metrics.input.bytesRead";
  private static final String RECORDS = "internal.metrics.input.recordsRead";
  private static final long EVERY_NANOS = Duration.ofSeconds(2).toNanos();

  private final ProgressSink sink;
  private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
  private final Map<Long, long[]> running = new ConcurrentHashMap<>();
  private volatile String file;
  private volatile long totalBytes;
  private volatile long start;
  private long doneRecords;
  private long doneBytes;
  private long lastReport;
  private long lastRecords;

  SparkProgress(ProgressSink sink) {
    this.sink = sink;
  }

  /** From now on the watched jobs load {@code file}, of {@code totalBytes} as stored. */
  synchronized void start(String file, long totalBytes) {
    this.file = file;
    this.totalBytes = totalBytes;
    this.start = System.nanoTime();
    this.lastReport = start;
    doneRecords = 0;
    doneBytes = 0;
    lastRecords = 0;
    running.clear();
  }

  /** Runs {@code work}, marking the jobs it starts from this thread as the ones to follow. */
  static <T> T watching(JavaSparkContext sc, Supplier<T> work) {
    sc.setLocalProperty(WATCH, "true");
    try {
      return work.get();
    } finally {
      sc.setLocalProperty(WATCH, null);
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    if (job.properties() != null && job.properties().getProperty(WATCH) != null) {
      stages.addAll(
          CollectionConverters.asJava(job.stageIds()).stream().map(id -> (Integer) id).toList());
    }
  }

  @Override
  public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task :
        CollectionConverters.asJava(update.accumUpdates())) {
      if (stages.contains((Integer) task._2())) {
        running.put((Long) task._1(), readOf(task._4()));
      }
    }
    report();
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (!stages.contains(end.stageId()) || end.taskMetrics() == null) {
      return;
    }
    running.remove(end.taskInfo().taskId());
    doneRecords += end.taskMetrics().inputMetrics().recordsRead();
    doneBytes += end.taskMetrics().inputMetrics().bytesRead();
    report();
  }

  private static long[] readOf(scala.collection.immutable.Seq<AccumulableInfo> infos) {
    long[] read = new long[2];
    for (AccumulableInfo info : CollectionConverters.asJava(infos)) {
      String name = info.name().isDefined() ? info.name().get() : "";
      Object value = info.update().isDefined() ? info.update().get() : null;
      if (value instanceof Number n && RECORDS.equals(name)) {
        read[0] = n.longValue();
      } else if (value instanceof Number n && BYTES.equals(name)) {
        read[1] = n.longValue();
      }
    }
    return read;
  }

  private void report() {
    long now = System.nanoTime();
    if (file == null || now - lastReport < EVERY_NANOS) {
      return;
    }
    long records = doneRecords;
    long bytes = doneBytes;
    for (long[] read : running.values()) {
      records += read[0];
      bytes += read[1];
    }
    // after the last line is read the tasks still finish their COPY: nothing new to say
    if (records == lastRecords) {
      return;
    }
    lastReport = now;
    lastRecords = records;
    sink.report(new Progress(file, records, bytes, totalBytes, Duration.ofNanos(now - start)));
  }
}
