package dev.taxiscale.spark;

import dev.taxiscale.s3.S3Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The Hadoop S3A settings that reach the same store, with the same keys, as the local engine's
 * {@link S3Settings}: the endpoint addressed path-style, the region, the timeouts, and the SDK's
 * standard credential chain or the keys given.
 *
 * <p>They travel with each read's job configuration, so executors on a cluster use them too.
 */
final class S3aSettings {
  static final String ENDPOINT = "fs.s3a.endpoint";
  static final String PATH_STYLE = "fs.s3a.path.style.access";
  static final String SSL = "fs.s3a.connection.ssl.enabled";
  static final String REGION = "fs.s3a.endpoint.region";
  static final String PROVIDER = "fs.s3a.aws.credentials.provider";
  static final String ACCESS_KEY = "fs.s3a.access.key";
  static final String SECRET_KEY = "fs.s3a.secret.key";
  static final String SESSION_TOKEN = "fs.s3a.session.token";
  static final String STREAM_TYPE = "fs.s3a.input.stream.type";
  static final String CONNECT_TIMEOUT = "fs.s3a.connection.establish.timeout";
  static final String READ_TIMEOUT = "fs.s3a.connection.timeout";

  /** S3A's own providers for keys given in its settings. */
  static final String SIMPLE_PROVIDER = "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider";

  static final String TEMPORARY_PROVIDER =
      "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider";

  private S3aSettings() {}

  /** The settings, keys in S3A's names; values as Hadoop's configuration reads them. */
  static Map<String, String> of(S3Settings s3) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (s3.endpoint() != null) {
      settings.put(ENDPOINT, s3.endpoint().toString());
      // S3-compatible stores rarely serve bucket.host names, as for the local engine
      settings.put(PATH_STYLE, "true");
      settings.put(SSL, Boolean.toString("https".equalsIgnoreCase(s3.endpoint().getScheme())));
    }
    settings.put(REGION, s3.region().id());
    settings.put(CONNECT_TIMEOUT, Long.toString(s3.connectTimeout().toMillis()));
    settings.put(READ_TIMEOUT, Long.toString(s3.readTimeout().toMillis()));
    // the classic stream reads with the synchronous client alone; the others need the SDK's
    // asynchronous HTTP client, which the build leaves out with the SDK's bundle
    settings.put(STREAM_TYPE, "classic");
    settings.putAll(credentials(s3));
    return settings;
  }

  /**
   * The standard chain is named, not resolved, so that each executor asks its own environment
   * (instance role, variables, profile files); keys given explicitly travel as S3A settings.
   */
  private static Map<String, String> credentials(S3Settings s3) {
    if (s3.credentials() instanceof DefaultCredentialsProvider) {
      return Map.of(PROVIDER, DefaultCredentialsProvider.class.getName());
    }
    AwsCredentials keys = s3.credentials().resolveCredentials();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(ACCESS_KEY, keys.accessKeyId());
    settings.put(SECRET_KEY, keys.secretAccessKey());
    if (keys instanceof AwsSessionCredentials session) {
      settings.put(SESSION_TOKEN, session.sessionToken());
      settings.put(PROVIDER, TEMPORARY_PROVIDER);
    } else {
      settings.put(PROVIDER, SIMPLE_PROVIDER);
    }
    return settings;
  }
}
