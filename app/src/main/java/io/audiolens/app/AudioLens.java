package io.audiolens.app;

import io.audiolens.app.aggregate.AggregateCommand;
import io.audiolens.app.aggregate.AggregatorCommand;
import io.audiolens.app.baseline.BaselineCommand;
import io.audiolens.app.bench.BenchCommand;
import io.audiolens.app.demo.DemoCommand;
import io.audiolens.app.doctor.DoctorCommand;
import io.audiolens.app.inspect.InspectCommand;
import io.audiolens.app.platform.PlatformCommand;
import io.audiolens.app.produce.ProduceCommand;
import io.audiolens.app.report.ReportCommand;
import io.audiolens.app.run.RunCommand;
import io.audiolens.app.train.TrainTinyCommand;
import io.audiolens.app.topics.TopicsCommand;
import io.audiolens.app.worker.WorkerCommand;
import io.audiolens.audio.UndecodableAudioException;
import io.audiolens.worker.checkpoint.CheckpointException;
import io.audiolens.worker.runtime.DjlDefaults;
import io.audiolens.worker.runtime.EngineStartException;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code audiolens} command. Each subcommand only wires; the work lives in the modules. */
@Command(name = "audiolens", mixinStandardHelpOptions = true, version = "audiolens 0.1.0",
        description = "Watch inside audio-language models with the Logit Lens.",
        subcommands = {DemoCommand.class, InspectCommand.class, RunCommand.class, ProduceCommand.class, WorkerCommand.class,
                AggregatorCommand.class, BaselineCommand.class, AggregateCommand.class, ReportCommand.class,
                TopicsCommand.class, PlatformCommand.class, BenchCommand.class, TrainTinyCommand.class, DoctorCommand.class})
public final class AudioLens {

    public static void main(String[] args) {
        DjlDefaults.apply();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AudioLens());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof EngineStartException engine) {
                    printEngineFailure(err, engine);
                    return 1;
                }
            }
            OptionalInt refused = ClusterFailures.report(e, err);
            if (refused.isPresent()) {
                return refused.getAsInt();
            }
            err.println("audiolens: " + e.getMessage());
            return isUsageError(e) ? 2 : 1;
        });
        return cli;
    }

    /** Every nested cause, since DJL's own message ("Failed to load PyTorch native library") hides the reason. */
    private static void printEngineFailure(PrintWriter err, EngineStartException e) {
        List<String> chain = e.causeChain();
        err.println("audiolens: " + e.getMessage());
        chain.subList(1, chain.size()).forEach(cause -> err.println("  caused by " + cause));
        err.println("audiolens: run `audiolens doctor` to see the libtorch, JNI library and GPUs DJL finds and the"
                + " settings it reads (README, \"Running on a GPU\")");
        err.flush();
    }

    /** Exit code 2: the input was wrong (bad option value, file, checkpoint); 1: the run itself failed. */
    private static boolean isUsageError(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof UndecodableAudioException
                || e instanceof CheckpointException;
    }
}
