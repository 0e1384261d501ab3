package dev.taxiscale.core.query;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The answer to one {@link QueryRequest}, tagged on the wire with the same {@code type} as the
 * request it answers (registered in {@link QueryType}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface QueryResult {

  /**
   * What the cost guard changed to keep the query cheap (a narrowed radius, an estimated total), in
   * words; empty when the query ran as asked.
   */
  List<String> notices();
}
