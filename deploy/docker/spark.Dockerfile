# syntax=docker/dockerfile:1
# The image of the Spark ingest on Kubernetes (SparkApplication or spark-submit --master k8s://):
# Apache Spark's image, whose entrypoint starts drivers and executors, plus the taxiscale jars.
#   docker build -f deploy/docker/spark.Dockerfile -t taxiscale-spark:0.1.0-SNAPSHOT .
# The main jar is /opt/taxiscale/taxiscale-spark.jar; its dependencies join Spark's own jars,
# except those Spark already ships, so that one version of each library is on the class path.

ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG SPARK_IMAGE=apache/spark:4.2.0-scala2.13-java21-ubuntu

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -pl app -am package

FROM ${SPARK_IMAGE} AS spark
USER root
COPY --from=build /src/app/target/lib /tmp/lib
RUN set -eu; mkdir -p /opt/taxiscale; \
    for jar in /tmp/lib/*.jar; do \
      base="$(basename "$jar")"; artifact="${base%-[0-9]*.jar}"; \
      case "$base" in taxiscale-spark-*) cp "$jar" /opt/taxiscale/taxiscale-spark.jar; continue ;; esac; \
      if ls /opt/spark/jars/"$artifact"-[0-9]*.jar >/dev/null 2>&1; then continue; fi; \
      cp "$jar" /opt/spark/jars/; \
    done; \
    rm -rf /tmp/lib
LABEL org.opencontainers.image.title="taxiscale-spark" \
      org.opencontainers.image.description="taxiscale Spark ingest for Spark on Kubernetes"
# The unprivileged user of the Spark image.
USER 185
