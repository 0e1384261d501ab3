package dev.taxiscale.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.taxiscale.core.format.TripFormat;
import dev.taxiscale.core.generate.GeneratorConfig;
import dev.taxiscale.core.generate.TripGenerator;
import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.testkit.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code taxiscale ingest s3://...} as users run it: the endpoint from {@code --s3-endpoint}, the
 * keys from the SDK's standard chain (here its system properties), exit codes and one-line errors.
 */
class S3CliIntegrationTest {
  private static final String BUCKET = "trips";
  private static final long ROWS = 3_000;

  @TempDir static Path serverDir;
  private static S3Server server;

  @TempDir Path dir;

  /** What one command printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void startServerWithATripFile() throws Exception {
    server = S3Server.start(serverDir);
    System.setProperty("aws.accessKeyId", S3Server.IDENTITY);
    System.setProperty("aws.secretAccessKey", S3Server.CREDENTIAL);
    Path file = serverDir.resolve("yellow.csv.gz");
    TripGenerator.write(GeneratorConfig.of(TripFormat.YELLOW_2014, ROWS).withGzip(true), file);
    var keys =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3Server.IDENTITY, S3Server.CREDENTIAL));
    try (S3Client s3 = S3Settings.forEndpoint(server.endpoint(), keys).client()) {
      s3.createBucket(b -> b.bucket(BUCKET));
      s3.putObject(b -> b.bucket(BUCKET).key("raw/yellow.csv.gz"), RequestBody.fromFile(file));
    }
  }

  @AfterAll
  static void stopServer() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    server.close();
  }

  /** {@code taxiscale ingest --json --data-dir ... --s3-endpoint ... ARGS}. */
  private Run ingest(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream out = System.out;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      var cli = Main.commandLine();
      cli.setErr(new PrintWriter(stderr, true, StandardCharsets.UTF_8));
      List<String> command =
          new ArrayList<>(
              List.of(
                  "ingest",
                  "--json",
                  "--data-dir",
                  dir.resolve("data").toString(),
                  "--s3-endpoint",
                  server.endpoint().toString()));
      command.addAll(List.of(args));
      int code = cli.execute(command.toArray(String[]::new));
      return new Run(
          code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
    }
  }

  @Test
  void shouldLoadAPrefixThroughTheEndpointFlag() throws Exception {
    Run run = ingest("s3://" + BUCKET + "/raw/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("rowsIn").asLong()).isEqualTo(ROWS);
    assertThat(report.get("files").get(0).get("name").asText())
        .isEqualTo("s3://trips/raw/yellow.csv.gz");
  }

  @Test
  void shouldCountAnObjectWithTheSparkEngineAsTheLocalEngineDoes() throws Exception {
    String object = "s3://" + BUCKET + "/raw/yellow.csv.gz";
    JsonNode local = new ObjectMapper().readTree(ingest(object).out());

    Run run = ingest("--engine", "spark", "--spark-master", "local[2]", "--force", object);

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode viaSpark = new ObjectMapper().readTree(run.out());
    assertThat(viaSpark.get("files").get(0).get("name").asText()).isEqualTo(object);
    for (String count : List.of("rowsIn", "kept", "rejected")) {
      assertThat(viaSpark.get(count)).as(count).isEqualTo(local.get(count));
    }
  }

  @Test
  void shouldExitNonZeroWithOneLineNamingAMissingObject() {
    Run run = ingest("s3://" + BUCKET + "/raw/missing.csv");

    assertThat(run.exitCode()).isEqualTo(OneLineErrors.FAILURE);
    assertThat(run.err()).isEqualTo("taxiscale: s3://trips/raw/missing.csv: no such object\n");
  }

  @Test
  void shouldExitZeroForAnEmptyPrefix() throws Exception {
    Run run = ingest("s3://" + BUCKET + "/nothing/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("files")).isEmpty();
  }
}
