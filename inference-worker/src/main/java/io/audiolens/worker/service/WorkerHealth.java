package io.audiolens.worker.service;

import io.audiolens.telemetry.Health;
import java.util.Optional;
import java.util.function.Supplier;

/** The projection loop's health, failing (with the reason) once any loop of the worker has stopped it. */
record WorkerHealth(Health projectionLoop, Supplier<Optional<String>> stoppedBecause) implements Health {

    @Override
    public Status liveness() {
        return stoppedBecause.get().map(Status::failing).orElseGet(projectionLoop::liveness);
    }

    @Override
    public Status readiness() {
        return stoppedBecause.get().map(Status::failing).orElseGet(projectionLoop::readiness);
    }
}
