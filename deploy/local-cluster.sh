#!/usr/bin/env bash
# A taxiscale cluster of separate processes on this machine: PostgreSQL, a Kafka broker, query
# workers and a gateway, each its own JVM, in the background.
#   deploy/local-cluster.sh start [--workers N] [--port 8080] [--sample-trips N] [--dir DIR]
#   deploy/local-cluster.sh status [--dir DIR]
#   deploy/local-cluster.sh stop   [--dir DIR]
#   deploy/local-cluster.sh restart NAME [--dir DIR]   (one process, as status names it)
#   deploy/local-cluster.sh chaos [--dir DIR] [--load-clients 4] [--settle 10] [--report FILE]
#     (faults in turn under load on the running cluster; prints what was lost; 3-4 minutes)
# State, data and logs live in DIR (default data/local-cluster). Builds on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ ! -f app/target/taxiscale-app.jar ] || [ ! -d app/target/lib ] \
  || [ ! -f app/target/lib/taxiscale-cluster-0.1.0-SNAPSHOT.jar ] || [ -n "${TAXISCALE_REBUILD:-}" ]; then
  echo "local-cluster: building (first run only, a few minutes)..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl app -am package >&2
fi

# The application's class path holds the cluster module (through the benchmarks).
classpath="$root/app/target/taxiscale-app.jar:$root/app/target/lib/*"

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ "${1:-}" = chaos ]; then
  shift
  exec "$java_bin" -Xmx512m -cp "$classpath" dev.taxiscale.bench.BenchMain --suite chaos "$@"
fi
exec "$java_bin" -Xmx256m -cp "$classpath" dev.taxiscale.cluster.LocalClusterCli "$@"
