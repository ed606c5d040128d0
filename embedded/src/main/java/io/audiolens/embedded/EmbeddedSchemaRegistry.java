package io.audiolens.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry (in-memory storage) as a child process of this JVM, bound to 127.0.0.1. It serves
 * Apicurio's own API, which our serdes use, and the Confluent-compatible API that other tools read.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // C1 only and serial GC: ready in ~5 s instead of ~13 s on 2 cores; the registry does little work
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    private final Process process;
    private final String baseUrl;
    private final Path logFile;
    private final Thread shutdownHook;

    private EmbeddedSchemaRegistry(Process process, String baseUrl, Path logFile) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopProcess, "stop-embedded-schema-registry");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the registry found by {@link RegistryDistribution#locateRunner()} and waits until it serves. */
    public static EmbeddedSchemaRegistry start(Path runFolder) {
        EmbeddedSchemaRegistry registry = launch(RegistryDistribution.locateRunner(), runFolder);
        registry.awaitReady();
        return registry;
    }

    /** Starts the child process without waiting, so that the caller can start other things meanwhile. */
    static EmbeddedSchemaRegistry launch(Path runnerJar, Path runFolder) {
        int port = LoopbackPorts.pickFree();
        Path logFile = runFolder.resolve("schema-registry.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dquarkus.http.host=" + LoopbackPorts.HOST);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-jar");
        command.add(runnerJar.toAbsolutePath().toString());
        try {
            Files.createDirectories(runFolder);
            Process process = new ProcessBuilder(command).directory(runFolder.toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            return new EmbeddedSchemaRegistry(process, "http://" + LoopbackPorts.HOST + ":" + port, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry: " + String.join(" ", command), e);
        }
    }

    /** Blocks until the Confluent-compatible API answers; stops the process if it never does. */
    void awaitReady() {
        try {
            Polling.awaitUntil(this::isServing, READY_TIMEOUT, Duration.ofMillis(100),
                    "Apicurio Registry at " + baseUrl + " to serve (log: " + logFile + ")");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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
        return logFile;
    }

    /** Stops the registry: SIGTERM, then a forced kill if it has not exited after 10 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to run and stops the process itself
        }
        stopProcess();
    }

    private boolean isServing() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue()
                    + " before serving; see " + logFile + ":\n" + LogTail.of(logFile, 20));
        }
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

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
