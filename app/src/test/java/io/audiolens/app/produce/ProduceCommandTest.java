package io.audiolens.app.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.audiolens.app.AudioLens;
import io.audiolens.embedded.EmbeddedPlatform;
import io.audiolens.embedded.junit.EmbeddedPlatformExtension;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(EmbeddedPlatformExtension.class)
class ProduceCommandTest {

    private static final String[] CLUSTER = {"--bootstrap-servers", "localhost:9092", "--registry-url", "http://r:8080"};

    @TempDir
    Path folder;

    @Test
    void shouldRefuseTwoSourcesAtOnce() {
        assertThrows(CommandLine.MutuallyExclusiveArgsException.class,
                () -> parse("--dataset", "data", "--manifest", "m.csv"));
    }

    @Test
    void shouldRequireAnAttributeWithWatch() {
        assertThrows(CommandLine.MissingParameterException.class, () -> parse("--watch", "inbox"));
    }

    @Test
    void shouldRequireTheClusterAddresses() {
        assertThrows(CommandLine.MissingParameterException.class,
                () -> new CommandLine(new ProduceCommand()).parseArgs("--dataset", "data"));
    }

    @Test
    void shouldReadWatchOptionsWithTheirDefaults() {
        ProduceCommand command = parse("--watch", "inbox", "--attribute", "animal", "--label", "dog");

        assertEquals(Path.of("inbox", ".audiolens-sent.tsv"), command.source.watch.stateFile());
        assertEquals(0.2, command.source.watch.probeFraction);
        assertEquals(100, command.probeSize);
    }

    @Test
    void shouldPublishAManifestAndPrintTheSummary(EmbeddedPlatform platform) throws Exception {
        writeSine(folder.resolve("hello.wav"));
        Files.writeString(folder.resolve("clips.jsonl"), """
                {"path": "hello.wav", "attribute": "language", "label": "English"}
                {"path": "gone.wav", "attribute": "language", "label": "German"}
                """);
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ProduceCommand()).setErr(new PrintWriter(err));

        int exit = cli.execute("--manifest", folder.resolve("clips.jsonl").toString(),
                "--dataset-name", "cmd-" + UUID.randomUUID(), "--progress", "lines",
                "--bootstrap-servers", platform.bootstrapServers(), "--registry-url", platform.registryUrl());

        assertEquals(0, exit, err.toString());
        assertTrue(err.toString().startsWith("1 sent, 1 rejected, 0 cut to 30 s, 0 converted to 16 kHz mono"),
                err.toString());
        assertTrue(err.toString().contains("gone.wav: file not found"), err.toString());
    }

    /** A listing that cannot be read is the user's input: exit 2 before anything connects (nothing listens here). */
    @Test
    void shouldExitTwoNamingWhatAMetadataFileLacksBeforeConnecting() throws Exception {
        Files.createDirectories(folder.resolve("Gender/audio"));
        Files.writeString(folder.resolve("Gender/metadata.csv"), "file,label\r\nx.wav,male\r\n");
        Files.createDirectories(folder.resolve("quoted/Gender/audio"));
        Files.writeString(folder.resolve("quoted/Gender/metadata.csv"),
                "file,attribute_label\nx.wav,\"male\n");

        for (Path dataset : List.of(folder, folder.resolve("quoted"))) {
            StringWriter err = new StringWriter();
            CommandLine cli = AudioLens.commandLine().setErr(new PrintWriter(err));
            String[] args = {"produce", "--dataset", dataset.toString(), CLUSTER[0], CLUSTER[1], CLUSTER[2], CLUSTER[3]};

            assertEquals(2, cli.execute(args), err.toString());
            assertTrue(err.toString().contains(dataset == folder
                    ? dataset.resolve("Gender/metadata.csv") + " has no column 'attribute_label'; its header is [file, label]"
                    : dataset.resolve("Gender/metadata.csv") + " line 2: a quoted field is never closed"), err.toString());
        }
    }

    private static ProduceCommand parse(String... args) {
        ProduceCommand command = new ProduceCommand();
        String[] all = new String[args.length + CLUSTER.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(CLUSTER, 0, all, args.length, CLUSTER.length);
        new CommandLine(command).parseArgs(all);
        return command;
    }

    private static void writeSine(Path file) throws Exception {
        byte[] pcm = new byte[2 * 8_000];
        for (int n = 0; n < pcm.length / 2; n++) {
            short value = (short) (8_000 * Math.sin(2 * Math.PI * 440 * n / 16_000.0));
            pcm[2 * n] = (byte) value;
            pcm[2 * n + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, pcm.length / 2),
                AudioFileFormat.Type.WAVE, file.toFile());
    }
}
