package io.github.lrabench.models.attention;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import java.util.Locale;

/**
 * How the weights and biases of a linear layer start ({@code linear-init}, {@code head-linear-init}), after the
 * reference codes. {@code fan_in} and {@code fan_out} are the layer's input and output widths.
 */
public enum LinearInit {

    /** DJL's default: weights N(0, 2 / fan_in) (He), biases 0. What every model used before these keys existed. */
    DJL_DEFAULT("djl-default"),

    /** Glorot/Xavier uniform weights U(±√(6 / (fan_in + fan_out))), biases 0: Flax's {@code xavier_uniform}, LRA. */
    XAVIER_UNIFORM("xavier-uniform"),

    /** LeCun normal weights N(0, 1 / fan_in), biases 0: Flax's default Dense (not truncated here). */
    LECUN_NORMAL("lecun-normal"),

    /** PyTorch's {@code nn.Linear} default: weights and biases U(±1 / √fan_in) (the Nyströmformer code). */
    PYTORCH_DEFAULT("pytorch-default"),

    /** Weights and biases 0 (ViT's classifier head). */
    ZEROS("zeros");

    private final String configName;

    LinearInit(String configName) {
        this.configName = configName;
    }

    /** Returns the name used in configuration files. */
    public String configName() {
        return configName;
    }

    /**
     * Sets the initialisers of a linear layer's weight and bias.
     *
     * @param linear the layer, not yet initialised
     * @param fanIn its input width (PyTorch's bias bound needs it before the layer has seen an input)
     * @return the layer
     */
    Linear apply(Linear linear, long fanIn) {
        switch (this) {
            case DJL_DEFAULT:
                return linear;
            case XAVIER_UNIFORM:
                // DJL's bound is sqrt(magnitude / ((fan_in + fan_out) / 2)): magnitude 3 gives Glorot's
                linear.setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.AVG, 3f),
                        Parameter.Type.WEIGHT);
                return linear;
            case LECUN_NORMAL:
                linear.setInitializer(new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 1f),
                        Parameter.Type.WEIGHT);
                return linear;
            case PYTORCH_DEFAULT:
                linear.setInitializer(new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 1f),
                        Parameter.Type.WEIGHT);
                linear.setInitializer(new UniformInitializer((float) (1 / Math.sqrt(fanIn))), Parameter.Type.BIAS);
                return linear;
            case ZEROS:
                linear.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
                linear.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
                return linear;
            default:
                throw new IllegalStateException("unknown linear init " + this);
        }
    }

    /**
     * Returns the init with a configuration name.
     *
     * @param name the name (case-insensitive)
     * @return the init, or null when the name is unknown
     */
    static LinearInit fromConfigName(String name) {
        for (LinearInit init : values()) {
            if (init.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return init;
            }
        }
        return null;
    }
}
