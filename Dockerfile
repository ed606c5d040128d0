# The audiolens command in a container (worker, aggregator, produce, ...). Build: docker build -t audiolens .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q install -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /opt/audiolens
COPY --from=build /src/app/target/audiolens.jar /src/app/target/lib/ ./lib/
# Two intra-op threads must not spin while waiting; DJL must never download anything.
ENV OMP_WAIT_POLICY=PASSIVE \
    JAVA_TOOL_OPTIONS="-Dai.djl.offline=true"
ENTRYPOINT ["java", "-cp", "/opt/audiolens/lib/*", "io.audiolens.app.AudioLens"]
