package dev.taxiscale.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach S3: the SDK's standard credential and region chains, and for S3-compatible stores
 * (MinIO, Ceph, R2, s3proxy) an endpoint, which also switches to path-style addressing.
 *
 * @param endpoint {@code null} for AWS itself
 * @param connectTimeout how long an unreachable endpoint may take to fail
 * @param readTimeout how long a stalled response may take to fail
 */
public record S3Settings(
    URI endpoint,
    Region region,
    AwsCredentialsProvider credentials,
    Duration connectTimeout,
    Duration readTimeout) {

  /** The SDK's own variables for an endpoint; the S3-specific one wins. */
  public static final String ENDPOINT_S3_ENV = "AWS_ENDPOINT_URL_S3";

  public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

  /** Where no region is configured; S3-compatible stores mostly ignore it. */
  public static final Region FALLBACK_REGION = Region.US_EAST_1;

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  public S3Settings {
    if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
      throw new IllegalArgumentException(
          "S3 endpoint '" + endpoint + "' is not a URL such as http://127.0.0.1:9000");
    }
    region = region == null ? FALLBACK_REGION : region;
    credentials = credentials == null ? DefaultCredentialsProvider.builder().build() : credentials;
  }

  /**
   * From the environment: {@code endpointFlag} if given, else {@code AWS_ENDPOINT_URL_S3}, else
   * {@code AWS_ENDPOINT_URL}; the region from {@code AWS_REGION} or the profile files.
   */
  public static S3Settings fromEnvironment(Map<String, String> env, String endpointFlag) {
    String endpoint = firstSet(endpointFlag, env.get(ENDPOINT_S3_ENV), env.get(ENDPOINT_ENV));
    return new S3Settings(
        endpoint == null ? null : URI.create(endpoint),
        configuredRegion(),
        null,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT);
  }

  /** An S3-compatible store at {@code endpoint} with fixed keys, as tests and benchmarks use. */
  public static S3Settings forEndpoint(URI endpoint, AwsCredentialsProvider credentials) {
    return new S3Settings(
        endpoint, FALLBACK_REGION, credentials, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  public S3Settings withTimeouts(Duration connect, Duration read) {
    return new S3Settings(endpoint, region, credentials, connect, read);
  }

  /** A new client; the caller closes it. */
  public S3Client client() {
    var builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(connectTimeout)
                    .socketTimeout(readTimeout))
            .region(region)
            .credentialsProvider(credentials)
            // checksums only where S3 demands them: several S3-compatible stores reject the
            // SDK's default trailing checksums on upload, and ranged reads cannot be checked
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null) {
      // S3-compatible stores rarely serve bucket.host names, so the bucket goes in the path
      builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  /**
   * Only the environment, system properties and profile files: the full default chain would also
   * ask the EC2 metadata service, which off EC2 costs seconds of timeouts on every run.
   */
  private static Region configuredRegion() {
    try {
      return new AwsRegionProviderChain(
              new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
          .getRegion();
    } catch (SdkClientException e) {
      return FALLBACK_REGION;
    }
  }

  private static String firstSet(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
