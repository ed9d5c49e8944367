package io.github.lrabench.models.recurrent;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;

/** Helpers shared by this module's tests. */
final class TestModels {

    private TestModels() {}

    /** Returns a provider's {@code cpu} variant from reference.conf with HOCON overrides on top. */
    static Config config(String id, String overrides) {
        return ConfigFactory.parseString(overrides)
                .withFallback(ModelConfigs.forVariant(ConfigFactory.defaultReference(), id, "cpu"));
    }

    /** Returns a provider's variant from reference.conf. */
    static Config variant(String id, String variant) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), id, variant);
    }

    /** Creates a model on an engine holding the block, initialised with a seed for an input shape. */
    static Model model(Block block, Shape inputShape, String engine, int seed) {
        Engine.getEngine(engine).setRandomSeed(seed);
        Model model = Model.newInstance("test", Device.cpu(), engine);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
        return model;
    }

    /** Runs the block's forward pass and returns its first output. */
    static NDArray forward(Block block, NDArray x, boolean training) {
        return block.forward(new ParameterStore(x.getManager(), false), new NDList(x), training).head();
    }

    /** Returns the number of scalars in the block's (initialised) parameters. */
    static long parameterCount(Block block) {
        long count = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            count += parameter.getValue().getArray().size();
        }
        return count;
    }

    /** Returns the largest absolute difference between two equally sized arrays. */
    static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
