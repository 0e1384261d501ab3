package dev.taxiscale.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3LocationTest {
  @Test
  void shouldSplitBucketAndKey() {
    S3Location location = S3Location.parse("s3://trips/raw/2014/yellow.csv.gz");

    assertThat(location).isEqualTo(new S3Location("trips", "raw/2014/yellow.csv.gz"));
    assertThat(location.isPrefix()).isFalse();
    assertThat(location.fileName()).isEqualTo("yellow.csv.gz");
  }

  @Test
  void shouldReadHadoopsS3aSpellingAsTheSameObject() {
    S3Location location = S3Location.parse("s3a://trips/raw/yellow.csv");

    assertThat(location).isEqualTo(S3Location.parse("s3://trips/raw/yellow.csv"));
    assertThat(location.s3aUri()).isEqualTo("s3a://trips/raw/yellow.csv");
  }

  @Test
  void shouldTreatATrailingSlashOrABareBucketAsAPrefix() {
    assertThat(S3Location.parse("s3://trips/raw/").isPrefix()).isTrue();
    assertThat(S3Location.parse("s3://trips").isPrefix()).isTrue();
  }

  @Test
  void shouldRejectAnAddressWithoutBucket() {
    assertThatThrownBy(() -> S3Location.parse("s3:///key"))
        .hasMessageContaining("expected s3://bucket/key");
  }

  @Test
  void shouldNameCleanObjectsAfterTheRawPath() {
    assertThat(CleanObjects.csvKey("raw/", "clean/", "raw/2014/yellow.csv.gz"))
        .isEqualTo("clean/2014/yellow.csv");
    assertThat(CleanObjects.summaryKey("raw/", "clean/", "raw/2014/yellow.csv"))
        .isEqualTo("clean/2014/yellow.rejects.json");
  }

  @Test
  void shouldFingerprintByBucketKeyAndEtag() {
    S3ObjectInfo object = new S3ObjectInfo(S3Location.parse("s3://b/k.csv"), 10, "\"abc\"");

    assertThat(object.fingerprint()).isEqualTo("s3:b/k.csv:abc");
  }
}
