package io.github.lrabench.models.recurrent;

import io.github.lrabench.api.BatchOps;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
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
        Weights w = weights(store, x, training);
        Map<Integer, NDArray> injected = new HashMap<>();
        NDArray z = null;
        NDArray c = null;
        for (int level = 0; level < config.numLevels(); level++) {
            int d = config.dilation(level);
            NDArray preActivation = injected.computeIfAbsent(d,
                    key -> BatchArrays.shiftRight(x, key).concat(x, 2).matMul(w.input()).add(w.bias()));
            if (z != null) {
                // the first level's hidden input is the zero initial state: its convolution is zero and skipped
                NDArray hidden = w.hiddenMask() == null ? z : z.mul(w.hiddenMask());
                preActivation = BatchArrays.shiftRight(hidden, d).concat(hidden, 2).matMul(w.hidden())
                        .add(preActivation);
            }
            NDArray shiftedCell = c == null ? null : BatchArrays.shiftRight(c, d);
            NDList state = cell(preActivation, shiftedCell);
            z = state.get(0);
            c = state.get(1);
        }
        return new NDList(z);
    }

    /**
     * Returns the last level's state at the last step, {@code (B, H)}, computing only the positions of its {@link
     * CausalCone} at each level: the same values and gradients as the last step of {@link #forward}, with the same
     * weights, dropout masks and DropConnect. The cone's levels run time-major, {@code (n, B, C)}, so that each
     * level gathers the rows it reads from the one below.
     *
     * @param store the parameter store
     * @param x the injected sequence {@code (B, L, d)}
     * @param cone the cone of the last step for this length
     * @param training whether the pass trains
     * @return the state at the last step
     */
    public NDArray lastStep(ParameterStore store, NDArray x, CausalCone cone, boolean training) {
        Weights w = weights(store, x, training);
        NDArray input = x.transpose(1, 0, 2);
        NDArray mask = w.hiddenMask() == null ? null : w.hiddenMask().transpose(1, 0, 2);
        NDArray z = null;
        NDArray c = null;
        for (int level = 0; level < config.numLevels(); level++) {
            long[] positions = cone.positions(level);
            long[] shiftedInput = new long[positions.length];
            for (int i = 0; i < positions.length; i++) {
                shiftedInput[i] = positions[i] - config.dilation(level);
            }
            NDArray preActivation = BatchArrays.rows(input, shiftedInput)
                    .concat(BatchArrays.rows(input, positions), 2).matMul(w.input()).add(w.bias());
            long[] current = cone.current(level);
            long[] shifted = cone.shifted(level);
            if (z != null) {
                NDArray hidden = mask == null ? z : z.mul(mask);
                preActivation = BatchArrays.rows(hidden, shifted).concat(BatchArrays.rows(hidden, current), 2)
                        .matMul(w.hidden()).add(preActivation);
            }
            NDArray shiftedCell = c == null ? null : BatchArrays.rows(c, shifted);
            NDList state = cell(preActivation, shiftedCell);
            z = state.get(0);
            c = state.get(1);
        }
        return z.get(new NDIndex("-1")).reshape(x.getShape().get(0), config.stateSize());
    }

    /** The gates of one level: {@code (z', c')} from the pre-activation and the shifted cell (null: zero state). */
    private static NDList cell(NDArray preActivation, NDArray shiftedCell) {
        int axis = preActivation.getShape().dimension() - 1;
        NDList gates = preActivation.split(TrellisNetConfig.GATES, axis);
        NDArray in = Activation.sigmoid(gates.get(0));
        NDArray out = Activation.sigmoid(gates.get(1));
        NDArray candidate = gates.get(2).tanh();
        NDArray cell = in.mul(candidate);
        if (shiftedCell != null) {
            NDArray forget = Activation.sigmoid(gates.get(3));
            cell = forget.mul(shiftedCell).add(cell);
        }
        return new NDList(out.mul(cell.tanh()), cell);
    }

    /** The effective weights and the hidden dropout mask of one forward pass. */
    private record Weights(NDArray input, NDArray hidden, NDArray bias, NDArray hiddenMask) {}

    private Weights weights(ParameterStore store, NDArray x, boolean training) {
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(2) != config.embeddingSize()) {
            throw new IllegalArgumentException("TrellisNet levels expect (B, L, " + config.embeddingSize()
                    + ") but got " + shape);
        }
        NDArray inputWeight = TwoTapWeight.effective(x, store.getValue(inputDirection, x.getDevice(), training),
                value(store, inputGain, x, training), config.weightDropout(), training);
        NDArray hiddenWeight = TwoTapWeight.effective(x, store.getValue(hiddenDirection, x.getDevice(), training),
                value(store, hiddenGain, x, training), config.weightDropout(), training);
        NDArray biasValue = store.getValue(bias, x.getDevice(), training);
        NDArray hiddenMask = training && config.hiddenDropout() > 0f
                ? BatchOps.dropoutMask(x, new Shape(shape.get(0), 1, config.stateSize()), config.hiddenDropout())
                : null;
        return new Weights(inputWeight, hiddenWeight, biasValue, hiddenMask);
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
