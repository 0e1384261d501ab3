package dev.taxiscale.cluster;

/** What a process of the local cluster does, with the heap it gets. */
public enum Role {
  DATABASE(256),
  REPLICA(128),
  BROKER(512),
  WORKER(384),
  GATEWAY(384),
  TOOL(768);

  private final int heapMb;

  Role(int heapMb) {
    this.heapMb = heapMb;
  }

  int heapMb() {
    return heapMb;
  }
}
