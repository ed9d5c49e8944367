package io.github.lrabench.models.recurrent;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.Map;

/**
 * The weight-tied levels of a TrellisNet: maps an injected sequence {@code (B, L, d)} to the last level's hidden
 * state at every step, {@code (B, L, H)}.
 *
 * <p>One weight set {W₁ (input), W₂ (hidden), b} serves every level. Level {@code i} with dilation {@code d}
 * computes, for every step {@code t} at once (models.md §2.2):
 *
 * <pre>
 *   a_t = [x_{t-d}, x_t] W₁ + [ẑ_{t-d}, ẑ_t] W₂ + b            (two-tap causal dilated convolution)
 *   i, o, g, f = σ(a[0:H]), σ(a[H:2H]), tanh(a[2H:3H]), σ(a[3H:4H])
 *   c'_t = f ⊙ c_{t-d} + i ⊙ g,   z'_t = o ⊙ tanh(c'_t)
 * </pre>
 *
 * <p>with zero initial state ({@code z, c = 0} before the first level and for {@code t < d}); ẑ is {@code z} under
 * variational hidden dropout (one mask {@code (B, 1, H)} per forward, shared by every step and level). The
 * input term {@code [x_{t-d}, x_t] W₁ + b} depends only on the dilation and is computed once per distinct
 * dilation. A two-tap convolution is a matrix product of {@code concat(shift(x, d), x)} with a {@code (2 in, 4H)}
 * weight: one large GEMM per level, fast on CPU and the same on every engine.
 *
 * <p>Causality: the output at step {@code t} depends only on inputs at steps {@code <= t}.
 */
public final class TrellisStack extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TrellisNetConfig config;
    private final Parameter inputDirection;
    private final Parameter inputGain;
    private final Parameter hiddenDirection;
    private final Parameter hiddenGain;
    private final Parameter bias;

    /**
     * Creates the levels.
     *
     * @param config the validated configuration
     */
    public TrellisStack(TrellisNetConfig config) {
        super(VERSION);
        this.config = config;
        int state = config.stateSize();
        int gates = TrellisNetConfig.GATES * state;
        int taps = TrellisNetConfig.KERNEL_SIZE;
        inputDirection = addParameter(direction("inputDirection", new Shape(taps, config.embeddingSize(), gates)));
        inputGain = config.weightNorm() ? addParameter(gain("inputGain", gates, inputDirection)) : null;
        hiddenDirection = addParameter(direction("hiddenDirection", new Shape(taps, state, gates)));
        hiddenGain = config.weightNorm() ? addParameter(gain("hiddenGain", gates, hiddenDirection)) : null;
        bias = addParameter(Parameter.builder()
                .setName("bias")
                .setType(Parameter.Type.BIAS)
                .optShape(new Shape(gates))
                .optInitializer(new NormalInitializer(config.initStd()))
                .build());
    }

    private Parameter direction(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer(new NormalInitializer(config.initStd()))
                .build();
    }

    private static Parameter gain(String name, int size, Parameter direction) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.GAMMA)
                .optShape(new Shape(size))
                .optInitializer(new TwoTapWeight.GainInitializer(direction))
                .build();
    }

    /** Returns the configuration. */
    public TrellisNetConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(2) != config.embeddingSize()) {
            throw new IllegalArgumentException("TrellisNet levels expect (B, L, " + config.embeddingSize()
                    + ") but got " + shape);
        }
        int state = config.stateSize();
        NDArray inputWeight = TwoTapWeight.effective(x, store.getValue(inputDirection, x.getDevice(), training),
                value(store, inputGain, x, training), config.weightDropout(), training);
        NDArray hiddenWeight = TwoTapWeight.effective(x, store.getValue(hiddenDirection, x.getDevice(), training),
                value(store, hiddenGain, x, training), config.weightDropout(), training);
        NDArray biasValue = store.getValue(bias, x.getDevice(), training);
        NDArray hiddenMask = training && config.hiddenDropout() > 0f
                ? BatchOps.dropoutMask(x, new Shape(shape.get(0), 1, state), config.hiddenDropout())
                : null;

        Map<Integer, NDArray> injected = new HashMap<>();
        NDArray z = null;
        NDArray c = null;
        for (int level = 0; level < config.numLevels(); level++) {
            int d = config.dilation(level);
            NDArray preActivation = injected.computeIfAbsent(d,
                    key -> BatchArrays.shiftRight(x, key).concat(x, 2).matMul(inputWeight).add(biasValue));
            if (z != null) {
                // the first level's hidden input is the zero initial state: its convolution is zero and skipped
                NDArray hidden = hiddenMask == null ? z : z.mul(hiddenMask);
                preActivation = BatchArrays.shiftRight(hidden, d).concat(hidden, 2).matMul(hiddenWeight)
                        .add(preActivation);
            }
            NDList gates = preActivation.split(TrellisNetConfig.GATES, 2);
            NDArray in = Activation.sigmoid(gates.get(0));
            NDArray out = Activation.sigmoid(gates.get(1));
            NDArray candidate = gates.get(2).tanh();
            NDArray cell = in.mul(candidate);
            if (c != null) {
                NDArray forget = Activation.sigmoid(gates.get(3));
                cell = forget.mul(BatchArrays.shiftRight(c, d)).add(cell);
            }
            c = cell;
            z = out.mul(cell.tanh());
        }
        return new NDList(z);
    }

    private static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return parameter == null ? null : store.getValue(parameter, like.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), config.stateSize())};
    }
}
