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
  || [ ! -d deploy-check/target/lib ] || [ -n "${TAXISCALE_REBUILD:-}" ]; then
  echo "local-cluster: building (first run only, a few minutes)..." >&2
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl app,deploy-check -am package >&2
fi

# The application's class path, plus this module's jars that the application lacks: one copy of
# each library (the embedded PostgreSQL refuses two copies of its binaries).
classpath="$root/app/target/taxiscale-app.jar:$root/app/target/lib/*"
classpath="$classpath:$root/deploy-check/target/taxiscale-deploy-check.jar"
for jar in "$root"/deploy-check/target/lib/*.jar; do
  [ -e "$root/app/target/lib/$(basename "$jar")" ] || classpath="$classpath:$jar"
done

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" -Xmx256m -cp "$classpath" dev.taxiscale.deploy.cluster.LocalClusterCli "$@"
