package dev.taxiscale.cluster;

import dev.taxiscale.core.process.OrphanGuard;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the cluster's JVMs with their output in {@code logs/NAME.log}. Every command carries
 * {@code -Dtaxiscale.cluster=DIR}, which marks the process as this cluster's.
 */
final class ProcessStarter {
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final Path dir;
  private final Launcher launcher;
  private final boolean detached;
  private final List<String> nodeJvmFlags;

  ProcessStarter(Path dir, Launcher launcher, boolean detached, List<String> nodeJvmFlags) {
    this.dir = dir.toAbsolutePath();
    this.launcher = launcher;
    this.detached = detached;
    this.nodeJvmFlags = List.copyOf(nodeJvmFlags);
  }

  /** Starts a long-running process. */
  ClusterProcess start(
      String name,
      Role role,
      int port,
      String mainClass,
      List<String> args,
      Map<String, String> env) {
    return start(name, role, port, mainClass, args, env, null);
  }

  /** Starts a long-running process inside a CPU group ({@code null}: none). */
  ClusterProcess start(
      String name,
      Role role,
      int port,
      String mainClass,
      List<String> args,
      Map<String, String> env,
      CpuGroup group) {
    Path log = dir.resolve("logs").resolve(name + ".log");
    LaunchRecord launch = new LaunchRecord(command(role, mainClass, args, group), env);
    launch.write(dir, name);
    Process process = launch(launch, log);
    return new ClusterProcess(name, role, process.pid(), port, log);
  }

  /** Starts a process again as it was started before, e.g. after it was stopped or died. */
  ClusterProcess restart(ClusterProcess old) {
    Process process = launch(LaunchRecord.read(dir, old.name()), old.log());
    return new ClusterProcess(old.name(), old.role(), process.pid(), old.port(), old.log());
  }

  /** Runs a {@code taxiscale} command to its end, failing unless it exits with 0. */
  void run(String name, List<String> cliArgs, Map<String, String> env) {
    Path log = dir.resolve("logs").resolve(name + ".log");
    Process process =
        launch(new LaunchRecord(command(Role.TOOL, CliCommands.MAIN, cliArgs, null), env), log);
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not finish in 10 minutes; see " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + name, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          name + " failed with exit code " + process.exitValue() + "; see " + log);
    }
  }

  private List<String> command(Role role, String mainClass, List<String> args, CpuGroup group) {
    List<String> command = new ArrayList<>();
    if (detached && Files.isExecutable(SETSID)) {
      // a session of its own: the terminal's Ctrl-C or hang-up does not reach it
      command.add(SETSID.toString());
    }
    List<String> java = launcher.command(role.heapMb(), mainClass, args);
    List<String> marked = new ArrayList<>();
    marked.add(java.get(0));
    marked.add("-Dtaxiscale.cluster=" + dir);
    if (group != null) {
      marked.addAll(nodeJvmFlags);
    }
    marked.addAll(java.subList(1, java.size()));
    command.addAll(group == null ? marked : group.wrap(marked));
    return command;
  }

  private Process launch(LaunchRecord launch, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(launch.command())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(Redirect.appendTo(log.toFile()))
              .redirectInput(Redirect.from(new File("/dev/null")));
      builder.environment().putAll(launch.env());
      Process process = builder.start();
      // a launcher killed while starting takes what it started with it; a detached cluster's
      // processes live on once its state file names them
      OrphanGuard.stopWithThisJvm(process, detached ? ClusterState.file(dir) : null);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + launch.command(), e);
    }
  }

  /** Whether a pid still belongs to a process of the cluster in {@code dir}. */
  static boolean belongsTo(ProcessHandle handle, Path dir) {
    return handle
        .info()
        .commandLine()
        .map(line -> line.contains("-Dtaxiscale.cluster=" + dir.toAbsolutePath()))
        .orElse(false);
  }
}
