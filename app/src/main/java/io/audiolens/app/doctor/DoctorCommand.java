package io.audiolens.app.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audiolens doctor}: what this machine gives the model runtime, and why the engine does not start if it does not. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = {"Show Java, DJL, the PyTorch engine (libtorch,"
        + " JNI library, GPUs), the settings they read, the Hugging Face cache and the models it holds.",
        "Exits 1 when the engine does not start, printing every nested cause."})
public final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", description = "also check that these Kafka bootstrap servers accept connections")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "also check that this schema registry accepts connections")
    String registryUrl;

    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ObjectNode report = DoctorReport.build();
        if (bootstrapServers != null || registryUrl != null) {
            report.set("endpoints", Endpoints.check(bootstrapServers, registryUrl));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                : TreeText.write(report));
        out.flush();
        return report.path("engine").path("started").asBoolean() ? 0 : 1;
    }
}
