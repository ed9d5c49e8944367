package io.github.lrabench.models.fourier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.lrabench.api.EngineFeatures;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FNet's token mixing {@code Y = Re(F_L · X · F_d)} for each sample {@code X ∈ R^{L×d}}: the real part of a 2-D
 * DFT over the sequence and hidden axes. It has no trainable parameters.
 *
 * <p>Two paths give the same result. The FFT path uses the engine's {@code fft2} (DJL PyTorch). The DFT path
 * computes {@code C_L X C_d − S_L X S_d} as two real matrix products with fixed cosine and sine matrices, always
 * as the <em>second</em> operand so that every result lives in the batch's {@code NDManager}; it runs on every
 * engine. Where the matrices come from depends on the mode:
 *
 * <ul>
 *   <li>{@link MixingMode#DFT}: non-trainable parameters {@code dftSequence} {@code (2L, L)} and {@code dftHidden}
 *       {@code (d, 2d)}, built once by {@link DftMatrixInitializer}, saved with the model, never updated;
 *   <li>{@link MixingMode#AUTO}: no parameters, so that the model's parameter count, checkpoint and memory are
 *       those of FNet and a checkpoint moves between engines. On an engine without FFT the matrices are copied
 *       into the batch's manager at each forward pass from values this block computes once (a copy of
 *       {@code 8·L²+8·d²} bytes, small next to the {@code O(L²d)} products);
 *   <li>{@link MixingMode#FFT}: no matrices at all; an engine without FFT is refused.
 * </ul>
 *
 * <p>One instance is shared by all encoder layers of a model (it is a child of the model block only).
 */
final class FourierMixing extends AbstractBlock {

    private static final byte VERSION = 1;

    private final MixingMode mode;
    private final int length;
    private final int hidden;
    private final Parameter sequenceMatrix;
    private final Parameter hiddenMatrix;
    private final Map<String, Boolean> fftByEngine = new ConcurrentHashMap<>();
    private final Map<DftMatrixInitializer.Layout, float[]> hostMatrices = new ConcurrentHashMap<>();

    /**
     * Creates the mixing for sequences of one length and width.
     *
     * @param mode how the transform is computed
     * @param length L, the sequence length the block sees (with the CLS position, if any)
     * @param hidden d, the hidden width
     */
    FourierMixing(MixingMode mode, int length, int hidden) {
        super(VERSION);
        this.mode = mode;
        this.length = length;
        this.hidden = hidden;
        if (mode == MixingMode.DFT) {
            sequenceMatrix = addParameter(constant("dftSequence", DftMatrixInitializer.Layout.SEQUENCE, length));
            hiddenMatrix = addParameter(constant("dftHidden", DftMatrixInitializer.Layout.HIDDEN, hidden));
        } else {
            sequenceMatrix = null;
            hiddenMatrix = null;
        }
    }

    private static Parameter constant(String name, DftMatrixInitializer.Layout layout, int n) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optShape(layout.shape(n))
                .optInitializer(new DftMatrixInitializer(layout))
                .optRequiresGrad(false)
                .build();
    }

    /**
     * Computes the mixing with the engine's FFT: {@code fft2} over axes 1 and 2, then the real part.
     *
     * <p>DJL's {@code real()} is PyTorch's {@code view_as_real}: it appends an axis of size 2 holding (re, im),
     * of which index 0 is kept.
     *
     * @param x {@code (B, L, d)}, float32 or float64
     * @return {@code (B, L, d)}, same type
     * @throws UnsupportedOperationException when the engine has no FFT
     */
    static NDArray viaFft(NDArray x) {
        Shape shape = x.getShape();
        return x.fft2(new long[] {shape.get(1), shape.get(2)}, new long[] {1, 2}).real().get("..., 0");
    }

    /**
     * Computes the mixing as real matrix products: with {@code A = X C_d} and {@code B = X S_d} (one product with
     * {@code [C_d | S_d]}), {@code Yᵀ = [Aᵀ | Bᵀ] · [C_L ; −S_L]}, using that {@code C_L} and {@code S_L} are
     * symmetric. Both constant matrices are second operands.
     *
     * @param x {@code (B, L, d)}
     * @param sequenceMatrix {@code [C_L ; −S_L]}, shape {@code (2L, L)}
     * @param hiddenMatrix {@code [C_d | S_d]}, shape {@code (d, 2d)}
     * @return {@code (B, L, d)}
     */
    static NDArray viaDft(NDArray x, NDArray sequenceMatrix, NDArray hiddenMatrix) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long steps = shape.get(1);
        long width = shape.get(2);
        NDArray stacked = x.reshape(batch * steps, width)
                .matMul(hiddenMatrix) // (B·L, 2d) = [X C_d | X S_d]
                .reshape(batch, steps, 2, width)
                .transpose(0, 3, 2, 1) // (B, d, 2, L)
                .reshape(batch * width, 2 * steps); // rows [(X C_d)ᵀ | (X S_d)ᵀ]
        return stacked.matMul(sequenceMatrix).reshape(batch, width, steps).transpose(0, 2, 1);
    }

    /**
     * Returns whether a forward pass on an engine takes the FFT path, failing when the configured mode cannot run
     * there.
     *
     * @param engineName the DJL engine name, e.g. {@code PyTorch}
     * @return true for the FFT path, false for the DFT path
     * @throws UnsupportedOperationException when the mode is {@code fft} and the engine has no FFT
     */
    boolean usesFft(String engineName) {
        return switch (mode) {
            case DFT -> false;
            case AUTO -> engineHasFft(engineName);
            case FFT -> {
                if (!engineHasFft(engineName)) {
                    throw new UnsupportedOperationException(FNetConfig.PREFIX + "mixing = fft, but the "
                            + engineName + " engine has no FFT (NDArray.fft2); use mixing = auto or dft, which"
                            + " run on every engine");
                }
                yield true;
            }
        };
    }

    private boolean engineHasFft(String engineName) {
        return fftByEngine.computeIfAbsent(
                engineName, name -> EngineFeatures.supported(name).contains(EngineFeatures.FFT));
    }

    /**
     * Checks that the configured mode runs on the manager's engine, then initialises the parameters (if any).
     *
     * @throws UnsupportedOperationException when the mode is {@code fft} and the engine has no FFT
     */
    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        usesFft(manager.getEngine().getEngineName());
        super.initialize(manager, dataType, inputShapes);
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(1) != length || shape.get(2) != hidden) {
            throw new IllegalArgumentException("Fourier mixing expects (B, " + length + ", " + hidden
                    + ") but got " + shape);
        }
        if (usesFft(x.getManager().getEngine().getEngineName())) {
            return new NDList(viaFft(x));
        }
        if (sequenceMatrix != null) {
            NDArray sequence = store.getValue(sequenceMatrix, x.getDevice(), training);
            NDArray width = store.getValue(hiddenMatrix, x.getDevice(), training);
            return new NDList(viaDft(x, sequence, width));
        }
        NDArray sequence = batchMatrix(x, DftMatrixInitializer.Layout.SEQUENCE, length);
        NDArray width = batchMatrix(x, DftMatrixInitializer.Layout.HIDDEN, hidden);
        return new NDList(viaDft(x, sequence, width));
    }

    /** Copies a DFT matrix into the batch's manager, computing its values on first use. */
    private NDArray batchMatrix(NDArray x, DftMatrixInitializer.Layout layout, int n) {
        float[] values = hostMatrices.computeIfAbsent(layout, key -> DftMatrixInitializer.floatValues(key, n));
        NDArray matrix = DftMatrixInitializer.create(x.getManager(), values, layout.shape(n), x.getDataType());
        return matrix.toDevice(x.getDevice(), false);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
