package com.example.lra.template;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.InputEmbedding;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.OptionalLong;

/**
 * A trivial model: the shared input embedding, the mean over the sequence, a linear head. Its defaults are {@code
 * lra.models.template} in this jar's {@code reference.conf}; it is registered in {@code
 * META-INF/services/io.github.lrabench.api.SequenceClassifierProvider}.
 */
public final class TemplateProvider implements SequenceClassifierProvider {

    /** The id: lowercase {@code [a-z0-9-]+}; the configuration lives at {@code lra.models.template}. */
    public static final String ID = "template";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String family() {
        return "example";
    }

    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        int hidden = config.getInt("hidden-size");
        if (hidden < 1) {
            throw new IllegalArgumentException("lra.models.template.hidden-size must be >= 1 but was " + hidden);
        }
        Block block = new SequentialBlock()
                .add(InputEmbedding.builder().setTask(task).setEmbeddingSize(hidden).build())
                .add(list -> new NDList(list.head().mean(new int[] {1})))
                .add(Linear.builder().setUnits(task.numClasses()).build());
        return new BasicSequenceClassifier(ID, task, block, OptionalLong.empty());
    }
}
