package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.github.lrabench.api.TaskSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a trial folder needs besides its parameters so that another application can rebuild the trained model:
 * the model id, the task, the protocol (for its input encoding), the model configuration and the class names.
 * Stored as {@code model.conf} (HOCON) beside {@code result.json}.
 *
 * @param model the provider id
 * @param protocol the protocol name (its encoding turns images into sequences)
 * @param task the task
 * @param modelConfig the provider configuration the model was built with
 * @param classNames the class names in label order
 */
public record TrainedModelCard(String model, String protocol, TaskSpec task, Config modelConfig,
        List<String> classNames) {

    /** The file name inside a trial folder. */
    public static final String FILE = "model.conf";

    /** Copies the class names. */
    public TrainedModelCard {
        classNames = List.copyOf(classNames);
    }

    /**
     * Writes the card atomically into a trial folder.
     *
     * @param trialDir the folder
     */
    public void write(Path trialDir) {
        Config card = ConfigFactory.empty()
                .withValue("model", ConfigValueFactory.fromAnyRef(model))
                .withValue("protocol", ConfigValueFactory.fromAnyRef(protocol))
                .withValue("task.sequence-length", ConfigValueFactory.fromAnyRef(task.sequenceLength()))
                .withValue("task.channels", ConfigValueFactory.fromAnyRef(task.channels()))
                .withValue("task.vocabulary-size", ConfigValueFactory.fromAnyRef(task.vocabularySize()))
                .withValue("task.num-classes", ConfigValueFactory.fromAnyRef(task.numClasses()))
                .withValue("class-names", ConfigValueFactory.fromIterable(classNames))
                .withValue("model-config", modelConfig.root());
        String text = card.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
        try {
            AtomicFiles.write(trialDir.resolve(FILE), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + trialDir.resolve(FILE), e);
        }
    }

    /**
     * Reads the card of a trial folder.
     *
     * @param trialDir the folder
     * @return the card
     * @throws IllegalArgumentException naming the file when it is missing or incomplete
     */
    public static TrainedModelCard read(Path trialDir) {
        Path file = trialDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist: " + trialDir
                    + " is not the folder of a completed trial");
        }
        try {
            Config card = ConfigFactory.parseFile(file.toFile());
            String protocol = card.getString("protocol");
            return new TrainedModelCard(card.getString("model"), protocol,
                    new TaskSpec(protocol, card.getInt("task.sequence-length"), card.getInt("task.channels"),
                            card.getInt("task.vocabulary-size"), card.getInt("task.num-classes")),
                    card.getConfig("model-config"), card.getStringList("class-names"));
        } catch (com.typesafe.config.ConfigException e) {
            throw new IllegalArgumentException(file + " is not a valid model card: " + e.getMessage(), e);
        }
    }
}
