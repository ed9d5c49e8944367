package io.github.lrabench.api;

import ai.djl.nn.Block;
import com.typesafe.config.Config;

/** A provider on the api's test class path; it builds only the input embedding. */
public class FixtureProvider implements SequenceClassifierProvider {

    @Override
    public String id() {
        return "fixture";
    }

    @Override
    public String family() {
        return "test";
    }

    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        Block block = InputEmbedding.builder().setTask(task).setEmbeddingSize(config.getInt("size")).build();
        return new BasicSequenceClassifier("fixture", task, block, java.util.OptionalLong.empty());
    }
}
