package dev.taxiscale.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taxiscale.core.query.QueryJson;
import dev.taxiscale.core.query.QueryRequest;
import dev.taxiscale.core.query.QueryType;
import org.junit.jupiter.api.Test;

class QueryExamplesTest {

  @Test
  void shouldWriteEveryExampleUnderItsTypeNameAndReadItBack() {
    for (QueryType type : QueryType.values()) {
      QueryRequest example = QueryExamples.of(type);
      String json = QueryJson.write(example);

      assertThat(json).startsWith("{\"type\":\"" + type.wireName() + "\",");
      assertThat(QueryJson.readRequest(json)).isEqualTo(example);
    }
  }
}
