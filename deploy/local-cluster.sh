#!/usr/bin/env bash
# A taxiscale cluster of separate processes on this machine: PostgreSQL, a Kafka broker, query
# workers and a gateway, each its own JVM, in the background.
#   deploy/local-cluster.sh start [--workers N] [--port 8080] [--sample-trips N] [--dir DIR]
#   deploy/local-cluster.sh status [--dir DIR]
#   deploy/local-cluster.sh stop   [--dir DIR]
# State, data and logs live in DIR (default data/local-cluster). Builds on first use.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ ! -f app/target/taxiscale-app.jar ] || [ ! -d app/target/lib ] \
  || [ ! -f deploy-check/target/taxiscale-deploy-check.jar ] || [ -n "${TAXISCALE_REBUILD:-}" ]; then
  echo "local-cluster: building (first run only, a few minutes)..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl app,deploy-check -am package >&2
fi

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -Xmx256m \
  -cp "$root/app/target/taxiscale-app.jar:$root/app/target/lib/*:$root/deploy-check/target/taxiscale-deploy-check.jar" \
  dev.taxiscale.deploy.cluster.LocalClusterCli "$@"
