# The image of each service: feedback-ingest, feedback-streams, alert-notifier and reply-sender differ
# only in their jar (<module>/target/<module>-*-all.jar) and port, so one file builds all four. Build the jars first (./mvnw -DskipTests
# package), then from the repository root, for example:
#   docker build -f deploy/service.Dockerfile --build-arg SERVICE=feedback-ingest --build-arg PORT=8080 \
#       -t instant-feedback/feedback-ingest .
# docker-compose.yml passes both arguments for each service. JRE_IMAGE names another Java 17 runtime
# image (Debian- or Ubuntu-based, with apt-get) to start from: CI builds on a local stand-in.
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}

ARG SERVICE
ARG PORT

# curl serves the container health check. /var/lib/<service> holds what a service keeps on disk
# (feedback-streams' state stores); mount a volume there to keep it across restarts.
RUN test -n "$SERVICE" && test -n "$PORT" \
    && apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app app \
    && mkdir -p "/var/lib/$SERVICE" && chown app "/var/lib/$SERVICE"

WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*-all.jar /app/service.jar

USER app
EXPOSE ${PORT}
# Leave room for off-heap memory (Kafka buffers, RocksDB) within the container's limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
