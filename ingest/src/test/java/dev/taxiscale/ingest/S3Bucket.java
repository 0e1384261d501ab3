package dev.taxiscale.ingest;

import dev.taxiscale.s3.S3Settings;
import dev.taxiscale.testkit.S3Server;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket on the test's S3 server, with the settings that reach it. */
record S3Bucket(String name, S3Settings settings, S3Client client) implements AutoCloseable {
  static S3Bucket create(S3Server server, String name) {
    S3Settings settings = settingsFor(server.endpoint(), S3Server.CREDENTIAL);
    S3Client client = settings.client();
    client.createBucket(b -> b.bucket(name));
    return new S3Bucket(name, settings, client);
  }

  static S3Settings settingsFor(URI endpoint, String secret) {
    return S3Settings.forEndpoint(
        endpoint,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.IDENTITY, secret)));
  }

  /** Uploads a local file; returns its {@code s3://} address. */
  String put(String key, Path file) {
    client.putObject(b -> b.bucket(name).key(key), RequestBody.fromFile(file));
    return "s3://" + name + "/" + key;
  }

  String put(String key, String content) {
    client.putObject(b -> b.bucket(name).key(key), RequestBody.fromString(content));
    return "s3://" + name + "/" + key;
  }

  @Override
  public void close() {
    client.close();
  }
}
