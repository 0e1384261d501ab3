package dev.taxiscale.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every JSON example in docs/queries.md must read as the request or result it shows. */
class QueryDocsTest {

  private static final Path DOC = Path.of("..", "docs", "queries.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyDocumentedExampleReadsWithoutError() throws IOException {
    List<String> examples = examples();

    assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
    for (String example : examples) {
      JsonNode tree = QueryJson.mapper().readTree(example);
      // results carry notices; requests never do
      if (tree.has("notices")) {
        assertThatCode(() -> QueryJson.readResult(example)).as(example).doesNotThrowAnyException();
      } else {
        assertThatCode(() -> QueryJson.readRequest(example)).as(example).doesNotThrowAnyException();
      }
    }
  }

  private static List<String> examples() throws IOException {
    Matcher blocks = JSON_BLOCK.matcher(Files.readString(DOC));
    List<String> examples = new ArrayList<>();
    while (blocks.find()) {
      examples.add(blocks.group(1));
    }
    return examples;
  }
}
