package dev.taxiscale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockReaderTest {

  private static List<Block> blocks(String text, int blockSize) throws Exception {
    BlockReader reader =
        new BlockReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), blockSize);
    List<Block> blocks = new ArrayList<>();
    for (Block block = reader.next(); block != null; block = reader.next()) {
      blocks.add(block);
    }
    return blocks;
  }

  private static String text(Block block) {
    return new String(block.data(), 0, block.length(), StandardCharsets.UTF_8);
  }

  @Test
  void shouldCutBlocksOnlyAtLineEnds() throws Exception {
    List<Block> blocks = blocks("header\nfirst row\nsecond row\n", 16);

    assertThat(blocks).extracting(BlockReaderTest::text).allMatch(t -> t.endsWith("\n"));
    assertThat(String.join("", blocks.stream().map(BlockReaderTest::text).toList()))
        .isEqualTo("header\nfirst row\nsecond row\n");
  }

  @Test
  void shouldNumberEachBlockByItsFirstPhysicalLine() throws Exception {
    List<Block> blocks = blocks("h\n\r\na\nb\nc\nd\n", 4);

    assertThat(blocks).extracting(Block::firstLine).containsExactly(1L, 3L, 5L);
  }

  @Test
  void shouldKeepALastLineWithoutLineEnd() throws Exception {
    List<Block> blocks = blocks("header\ncut off row", 1024);

    assertThat(text(blocks.get(blocks.size() - 1))).endsWith("cut off row");
  }

  @Test
  void shouldGrowTheBlockForALineLongerThanIt() throws Exception {
    List<Block> blocks = blocks("h\n" + "x".repeat(100) + "\n", 8);

    assertThat(blocks).extracting(BlockReaderTest::text).contains("x".repeat(100) + "\n");
  }

  @Test
  void shouldStandInForALineLongerThanAnyTextRowAndReadOn() throws Exception {
    String overlong = "x".repeat(BlockReader.MAX_LINE_BYTES + 5);

    List<Block> blocks = blocks("h\n" + overlong + "\nafter\n", 1 << 20);

    assertThat(blocks).extracting(BlockReaderTest::text).contains(BlockReader.OVERLONG_LINE + "\n");
    assertThat(blocks).extracting(BlockReaderTest::text).last().isEqualTo("after\n");
    assertThat(blocks.get(blocks.size() - 1).firstLine()).isEqualTo(3);
  }
}
