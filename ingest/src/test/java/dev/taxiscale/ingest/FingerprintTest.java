package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

  private static byte[] bytes(int size, byte fill) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, fill);
    return bytes;
  }

  @Test
  void shouldBeTheSameForTheSameBytesUnderAnotherName(@TempDir Path dir) throws Exception {
    Path original = Files.write(dir.resolve("a.csv"), bytes(200_000, (byte) 'x'));
    Path renamed = Files.write(dir.resolve("b.csv"), bytes(200_000, (byte) 'x'));

    assertThat(Fingerprint.of(renamed)).isEqualTo(Fingerprint.of(original));
  }

  @Test
  void shouldChangeWhenTheLastBlockChanges(@TempDir Path dir) throws Exception {
    byte[] content = bytes(200_000, (byte) 'x');
    Path before = Files.write(dir.resolve("before.csv"), content);
    content[content.length - 1] = 'y';
    Path after = Files.write(dir.resolve("after.csv"), content);

    assertThat(Fingerprint.of(after)).isNotEqualTo(Fingerprint.of(before));
  }

  @Test
  void shouldStartWithTheSize(@TempDir Path dir) throws Exception {
    Path small = Files.write(dir.resolve("small.csv"), bytes(10, (byte) 'x'));

    assertThat(Fingerprint.of(small)).startsWith("10:").hasSize(3 + 64 + 1 + 64);
  }
}
