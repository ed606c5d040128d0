package io.audiolens.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.audiolens.app.AudioLens;
import io.audiolens.worker.model.ModelFamilies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainTinyCommandTest {

    @Test
    void shouldPointAtTheSpeechSetScriptWhenTheDataHasNoTrainSplit(@TempDir Path data) {
        TrainTinyCommand command = parse("--data", data.toString(), "--out", data.resolve("model").toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertTrue(e.getMessage().contains("tools/make-speech-set.sh"), e.getMessage());
        assertTrue(Files.notExists(data.resolve("model")), "nothing is written before the data is checked");
    }

    @Test
    void shouldRefuseAClipWithoutLabel(@TempDir Path data) throws Exception {
        Path audio = Files.createDirectories(data.resolve("train/Language/audio"));
        Files.writeString(data.resolve("train/Language/metadata.csv"), "file,attribute_label\n");
        Files.write(audio.resolve("unlisted.wav"), new byte[44]);
        Files.createDirectories(data.resolve("heldout"));
        TrainTinyCommand command = parse("--data", data.toString(), "--out", data.resolve("model").toString());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertTrue(e.getMessage().contains("unlisted.wav") && e.getMessage().contains("no label"), e.getMessage());
    }

    @Test
    void shouldDefaultToTheRecipeTheReadmeDocumentsAndTheBundledModelWasMadeWith() throws Exception {
        TrainTinyCommand command = parse("--data", "d", "--out", "o");

        // README "Training the tiny model" and demo/README.md
        assertEquals(1, command.seed);
        assertEquals(8, command.encoderEpochs);
        assertEquals(10, command.epochs);
        assertEquals(0.5f, command.lateAnswerWeight);
        assertEquals(0.4f, command.channelAugmentation);
        assertEquals(8, command.clipsPerUpdate);
        assertEquals(1, command.threads);
        assertEquals(TrainTinyCommand.ProgressStyle.AUTO, command.progress);
        // demo/audiolens-tiny/config.json
        JsonNode config = new ObjectMapper().readTree(Path.of("../demo/audiolens-tiny/config.json").toFile());
        assertEquals(config.path("text_config").path("num_hidden_layers").asInt(), command.decoderLayers);
        assertEquals(config.path("text_config").path("hidden_size").asInt(), command.width);
        assertEquals(config.path("audio_config").path("encoder_layers").asInt(), command.encoderLayers);
        assertEquals(config.path("audio_config").path("d_model").asInt(), command.encoderWidth);
    }

    @Test
    void shouldNameTheProgressStylesOnABadOne() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--data", "d", "--out", "o", "--progress", "fancy"));
        assertTrue(e.getMessage().contains("expected auto, bar or lines"), e.getMessage());
        assertEquals(TrainTinyCommand.ProgressStyle.LINES, parse("--data", "d", "--out", "o", "--progress", "LINES").progress);
    }

    @Test
    void shouldTrainAQwen2AudioUnlessToldOtherwise() {
        assertSame(ModelFamilies.named("qwen2-audio").tinyTraining().orElseThrow(),
                parse("--data", "d", "--out", "o").training);
        String help = new CommandLine(new TrainTinyCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF)
                .replaceAll("\\s+", " ");
        assertTrue(help.contains("--family=<family> model family to train, one of: qwen2-audio (default: qwen2-audio;"),
                help);
    }

    @Test
    void shouldRefuseAFamilyThatCannotTrainNamingTheOnesThatCan(@TempDir Path dir) {
        for (String[] refused : new String[][] {
                {"qwen-audio", "train-tiny cannot train a qwen-audio model; the families it can train: qwen2-audio"},
                {"nope", "unknown model family 'nope'; the families it can train: qwen2-audio"}}) {
            StringWriter err = new StringWriter();
            CommandLine cli = AudioLens.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(err));

            int exit = cli.execute("train-tiny", "--family", refused[0], "--data", dir.toString(), "--out",
                    dir.resolve("model").toString());

            assertEquals(2, exit, err.toString());
            assertEquals("Invalid value for option '--family': " + refused[1], err.toString().lines().findFirst().orElse(""),
                    err.toString());
        }
        assertTrue(Files.notExists(dir.resolve("model")), "nothing is written");
    }

    private static TrainTinyCommand parse(String... args) {
        TrainTinyCommand command = new TrainTinyCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
