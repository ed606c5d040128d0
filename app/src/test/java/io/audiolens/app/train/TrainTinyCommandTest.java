package io.audiolens.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void shouldDefaultToTheDemoModelsSettings() {
        TrainTinyCommand command = parse("--data", "d", "--out", "o");

        assertEquals(1, command.seed);
        assertEquals(TrainTinyCommand.DEFAULTS.epochs(), command.epochs);
        assertEquals(TrainTinyCommand.DEFAULTS.architecture().decoderLayers(), command.decoderLayers);
    }

    private static TrainTinyCommand parse(String... args) {
        TrainTinyCommand command = new TrainTinyCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
