package dev.taxiscale.pipeline;

import dev.taxiscale.core.query.QueryRequest;

/** How a request picks its Kafka record key, and so the partition and worker that answer it. */
@FunctionalInterface
public interface RequestKey {

  /** The key every publisher uses. */
  RequestKey IN_USE = AreaKey::of;

  String of(QueryRequest request);
}
