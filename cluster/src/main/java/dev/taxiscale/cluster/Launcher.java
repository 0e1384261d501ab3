package dev.taxiscale.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a Java process of the cluster: the java binary, a class path holding the application
 * and this module, and JVM flags.
 *
 * @param java the {@code java} executable
 * @param classPath entries joined with the path separator; {@code dir/*} entries are allowed
 * @param jvmFlags flags placed before the main class
 */
public record Launcher(Path java, String classPath, List<String> jvmFlags) {
  /** The JDK internals that Spark and the Kafka broker open, as the {@code ./taxiscale} script. */
  static final List<String> OPENS =
      List.of(
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true",
          // H3 loads its native library with System.load, which JDK 24+ warns about unless allowed
          "--enable-native-access=ALL-UNNAMED");

  /**
   * What older JDKs open besides, as Spark's launcher: JDK 25 has no {@code sun.security.action}
   * and warns on every start when asked to open it.
   */
  static final List<String> OPENS_BEFORE_24 =
      List.of("--add-opens=java.base/sun.security.action=ALL-UNNAMED");

  /** {@link #OPENS} and what this JVM's version adds, as {@code ./taxiscale} passes them. */
  static List<String> opens() {
    List<String> flags = new ArrayList<>(OPENS);
    if (Runtime.version().feature() < 24) {
      flags.addAll(OPENS_BEFORE_24);
    } else {
      // Spark 4.2 needs it on JDK 24+, and JDK 17 rejects it
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return List.copyOf(flags);
  }

  /** The running JVM's own java and class path, as tests have them. */
  public static Launcher ofThisJvm() {
    return new Launcher(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        System.getProperty("java.class.path"),
        opens());
  }

  /**
   * The build's output, as {@code ./taxiscale} runs it: {@code app/target/taxiscale-app.jar} and
   * {@code app/target/lib/*}, which holds this module.
   */
  public static Launcher ofBuild(Path root) {
    String classPath =
        String.join(
            File.pathSeparator,
            root.resolve("app/target/taxiscale-app.jar").toString(),
            root.resolve("app/target/lib").toString() + File.separator + "*");
    return new Launcher(
        Path.of(System.getProperty("java.home"), "bin", "java"), classPath, opens());
  }

  /** The command line of {@code mainClass} with a heap of {@code heapMb} megabytes. */
  List<String> command(int heapMb, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + heapMb + "m");
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
