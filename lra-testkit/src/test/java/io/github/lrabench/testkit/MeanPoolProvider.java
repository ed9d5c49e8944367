package io.github.lrabench.testkit;

import ai.djl.ndarray.NDArray;
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

/** A tiny well-behaved provider: embedding, mean over the sequence, linear head. Config key: {@code hidden}. */
public class MeanPoolProvider implements SequenceClassifierProvider {

    @Override
    public String id() {
        return "mean-pool";
    }

    @Override
    public String family() {
        return "test";
    }

    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        int hidden = config.getInt("hidden");
        Block block = new SequentialBlock()
                .add(InputEmbedding.builder().setTask(task).setEmbeddingSize(hidden).build())
                .add(list -> new NDList(list.head().mean(new int[] {1})))
                .add(Linear.builder().setUnits(task.numClasses()).build());
        return new BasicSequenceClassifier(id(), task, block, OptionalLong.empty());
    }

    /** The same model with the memory trap: the mean is computed as {@code ones(weight-manager) * x}. */
    static final class LeakyProvider extends MeanPoolProvider {
        @Override
        public SequenceClassifier create(TaskSpec task, Config config) {
            SequenceClassifier healthy = super.create(task, config);
            Block leaky = new SequentialBlock()
                    .add(healthy.block())
                    .add(list -> {
                        NDArray logits = list.head();
                        NDArray scale = leakTarget(logits);
                        return new NDList(scale.mul(logits));
                    });
            return new BasicSequenceClassifier(healthy.id(), task, leaky, OptionalLong.empty());
        }

        private static NDArray leakTarget(NDArray like) {
            // a long-lived array first: every result lands in the model's manager and outlives the batch
            ai.djl.ndarray.NDManager longLived = like.getManager();
            while (longLived.getParentManager() != null
                    && longLived.getParentManager().getParentManager() != null) {
                longLived = longLived.getParentManager();
            }
            return longLived.ones(like.getShape());
        }
    }
}
