#!/usr/bin/env bash
# Runs the Spark ingest on Kubernetes with plain spark-submit, without the Spark operator: the same
# job as deploy/k8s/components/spark-ingest (SparkApplication), for a cluster where the taxiscale
# overlay is applied (ConfigMap taxiscale-config, Secret taxiscale-db-app, claim taxiscale-trips).
#   K8S_API=https://ABCD.gr7.us-east-1.eks.amazonaws.com IMAGE=REGISTRY/taxiscale-spark:0.1.0-SNAPSHOT \
#     deploy/spark-submit-k8s.sh /data/trips
# Needs a Spark 4.2 distribution (SPARK_HOME) on this machine and kubectl access to the cluster.
set -euo pipefail
: "${K8S_API:?set K8S_API to the API server URL (kubectl cluster-info)}"
: "${IMAGE:?set IMAGE to the pushed taxiscale-spark image}"
namespace="${NAMESPACE:-taxiscale}"
executors="${EXECUTORS:-4}"
jdbc_url="${TAXISCALE_JDBC_URL:-jdbc:postgresql://taxiscale-db-rw:5432/taxiscale}"
[ "$#" -ge 1 ] || set -- /data/trips

exec "${SPARK_HOME:?set SPARK_HOME to a Spark 4.2 distribution}/bin/spark-submit" \
  --master "k8s://$K8S_API" \
  --deploy-mode cluster \
  --name taxiscale-ingest \
  --class dev.taxiscale.spark.SparkIngestMain \
  --conf spark.executor.instances="$executors" \
  --conf spark.executor.cores=1 \
  --conf spark.executor.memory=2g \
  --conf spark.driver.memory=2g \
  --conf spark.ui.showConsoleProgress=false \
  --conf spark.kubernetes.namespace="$namespace" \
  --conf spark.kubernetes.container.image="$IMAGE" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=taxiscale-spark \
  --conf spark.kubernetes.driver.label.app.kubernetes.io/component=ingest \
  --conf spark.kubernetes.executor.label.app.kubernetes.io/component=ingest \
  --conf spark.kubernetes.driverEnv.TAXISCALE_JDBC_URL="$jdbc_url" \
  --conf spark.kubernetes.driver.secretKeyRef.TAXISCALE_DB_USER=taxiscale-db-app:username \
  --conf spark.kubernetes.driver.secretKeyRef.TAXISCALE_DB_PASSWORD=taxiscale-db-app:password \
  --conf spark.kubernetes.driver.volumes.persistentVolumeClaim.trips.options.claimName=taxiscale-trips \
  --conf spark.kubernetes.driver.volumes.persistentVolumeClaim.trips.mount.path=/data \
  --conf spark.kubernetes.executor.volumes.persistentVolumeClaim.trips.options.claimName=taxiscale-trips \
  --conf spark.kubernetes.executor.volumes.persistentVolumeClaim.trips.mount.path=/data \
  local:///opt/taxiscale/taxiscale-spark.jar \
  --cache-dir /data/downloads "$@"
