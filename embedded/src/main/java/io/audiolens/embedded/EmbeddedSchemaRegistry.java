package io.audiolens.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apicurio Registry as a child process of this JVM, bound to 127.0.0.1. It serves Apicurio's own API,
 * which our serdes use, and the Confluent-compatible API that other tools read. Its storage is the H2
 * database it keeps in memory by default, here kept in a file under the run folder instead, so that a
 * restart on the same folder serves the same schemas under the same ids (records carry those ids).
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // C1 only and serial GC: ready in ~5 s instead of ~13 s on 2 cores; the registry does little work
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    // the registry's own default is jdbc:h2:mem:registry_db; WRITE_DELAY=0 writes each commit at once,
    // so that a registry killed right after registering a schema still has it
    private static final String DATABASE_URL_PROPERTY = "REGISTRY_DATASOURCE_URL";
    private static final String DATABASE_OPTIONS = ";WRITE_DELAY=0";

    private final ChildProcess process;
    private final String baseUrl;

    private EmbeddedSchemaRegistry(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the registry found by {@link RegistryDistribution#locateRunner()} and waits until it serves. */
    public static EmbeddedSchemaRegistry start(Path runFolder) {
        EmbeddedSchemaRegistry registry = launch(RegistryDistribution.locateRunner(), runFolder, LoopbackPorts.ANY);
        registry.awaitReady();
        return registry;
    }

    /**
     * Starts the child process on {@code port} (0: a free one) without waiting, so that the caller can
     * start other things meanwhile. Its database is {@code runFolder/registry}, created or resumed.
     */
    static EmbeddedSchemaRegistry launch(Path runnerJar, Path runFolder, int port) {
        int httpPort = port == LoopbackPorts.ANY ? LoopbackPorts.pickFree() : port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-D" + DATABASE_URL_PROPERTY + "=jdbc:h2:file:" + databaseFile(runFolder) + DATABASE_OPTIONS);
        command.add("-Dquarkus.http.host=" + LoopbackPorts.HOST);
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        ChildProcess process = ChildProcess.start("Apicurio Registry", command, runFolder,
                runFolder.resolve("schema-registry.log"));
        return new EmbeddedSchemaRegistry(process, "http://" + LoopbackPorts.HOST + ":" + httpPort);
    }

    /** H2 adds {@code .mv.db}; a ';' would end the path and start H2's settings. */
    private static String databaseFile(Path runFolder) {
        String file = runFolder.toAbsolutePath().resolve("registry").resolve("registry").toString();
        if (file.contains(";")) {
            throw new IllegalArgumentException("the registry's database folder " + file + " contains ';', which H2 "
                    + "reads as the start of its settings; choose a folder without ';'");
        }
        return file;
    }

    /** Blocks until the Confluent-compatible API answers; stops the process if it never does. */
    void awaitReady() {
        try {
            Polling.awaitUntil(this::isServing, READY_TIMEOUT, Duration.ofMillis(100),
                    "Apicurio Registry at " + baseUrl + " to serve (log: " + process.logFile() + ")");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Throws, quoting the end of its log, if the process has exited. */
    void requireAlive() {
        process.requireAlive();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Apicurio's v2 API, what {@code io.audiolens.schemas.topics.SerdeConfig} needs. */
    public String apicurioApiUrl() {
        return baseUrl + "/apis/registry/v2";
    }

    /** The Confluent Schema Registry compatible API (subjects, versions, ids). */
    public String confluentCompatUrl() {
        return baseUrl + "/apis/ccompat/v7";
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Stops the registry: SIGTERM, then a forced kill if it has not exited after 10 s. */
    @Override
    public void close() {
        process.close();
    }

    private boolean isServing() {
        process.requireAlive();
        HttpRequest request = HttpRequest.newBuilder(URI.create(confluentCompatUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
