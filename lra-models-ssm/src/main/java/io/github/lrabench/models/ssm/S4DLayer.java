package io.github.lrabench.models.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import io.github.lrabench.api.BatchOps;

/**
 * One S4D layer on {@code (B, H, L)}: H independent diagonal state-space models (S4D-Lin initialisation,
 * zero-order hold) applied as a causal convolution with their kernel K, plus the skip term D·u, then GELU,
 * dropout, and a position-wise linear map to 2H channels followed by a GLU back to H:
 *
 * <pre>
 * y = GLU(W · Dropout(GELU(K ∗ u + D ⊙ u)) + b)
 * </pre>
 *
 * <p>Parameters: {@code logDt} (H, 1), log Δ, log-uniform in [dt-min, dt-max]; {@code logAReal} (H, N/2),
 * log(−Re Λ) = log ½; {@code aImag} (H, N/2), Im Λ = π n (S4D-Lin); {@code cReal}, {@code cImag} (H, N/2), C ~
 * CN(0, 1); {@code d} (H, 1) ~ N(0, 1); {@code outWeight} (2H, H) and {@code outBias} (2H, 1) ~ U(±1/√H).
 */
final class S4DLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    /** The names of the state-space parameters, which get their own learning rate and no weight decay. */
    static final String[] SSM_PARAMETERS = {"logDt", "logAReal", "aImag"};

    private final float dropout;
    private final Parameter logDt;
    private final Parameter logAReal;
    private final Parameter aImag;
    private final Parameter cReal;
    private final Parameter cImag;
    private final Parameter d;
    private final Parameter outWeight;
    private final Parameter outBias;

    /**
     * Creates the layer.
     *
     * @param config the validated configuration
     */
    S4DLayer(S4DConfig config) {
        super(VERSION);
        int h = config.modelSize();
        int pairs = config.stateSize() / 2;
        dropout = (float) config.dropout();
        float logMin = (float) Math.log(config.dtMin());
        float logMax = (float) Math.log(config.dtMax());
        logDt = addParameter(Parameter.builder().setName("logDt").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, 1))
                .optInitializer((manager, shape, type) -> manager.randomUniform(logMin, logMax, shape, type))
                .build());
        logAReal = addParameter(Parameter.builder().setName("logAReal").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, pairs))
                .optInitializer(new ConstantInitializer((float) Math.log(0.5)))
                .build());
        aImag = addParameter(Parameter.builder().setName("aImag").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, pairs))
                .optInitializer((manager, shape, type) -> manager.ones(shape, type)
                        .mul(manager.arange(0f, (float) shape.get(1), 1f, type).mul((float) Math.PI)))
                .build());
        // torch.randn(cfloat): real and imaginary parts each N(0, 1/2)
        float halfVariance = (float) Math.sqrt(0.5);
        cReal = addParameter(Parameter.builder().setName("cReal").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, pairs)).optInitializer(new NormalInitializer(halfVariance)).build());
        cImag = addParameter(Parameter.builder().setName("cImag").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, pairs)).optInitializer(new NormalInitializer(halfVariance)).build());
        d = addParameter(Parameter.builder().setName("d").setType(Parameter.Type.OTHER)
                .optShape(new Shape(h, 1)).optInitializer(new NormalInitializer(1f)).build());
        // PyTorch's default for the 1×1 convolution: U(±1/√fan_in) for weight and bias
        float bound = (float) (1 / Math.sqrt(h));
        outWeight = addParameter(Parameter.builder().setName("outWeight").setType(Parameter.Type.OTHER)
                .optShape(new Shape(2L * h, h)).optInitializer(new UniformInitializer(bound)).build());
        outBias = addParameter(Parameter.builder().setName("outBias").setType(Parameter.Type.OTHER)
                .optShape(new Shape(2L * h, 1)).optInitializer(new UniformInitializer(bound)).build());
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray u = inputs.singletonOrThrow();
        Shape shape = u.getShape();
        NDArray k = SsmMath.kernel(u, value(store, logDt, u, training), value(store, logAReal, u, training),
                value(store, aImag, u, training), value(store, cReal, u, training),
                value(store, cImag, u, training), (int) shape.get(2));
        NDArray y = SsmMath.causalConvolution(u, k).add(u.mul(value(store, d, u, training)));
        y = Activation.gelu(y);
        if (training && dropout > 0) {
            y = y.mul(BatchOps.dropoutMask(y, new Shape(shape.get(0), shape.get(1), 1), dropout));
        }
        NDArray mixed = SsmMath.lift(y, value(store, outWeight, u, training)).matMul(y)
                .add(value(store, outBias, u, training));
        NDList halves = mixed.split(2, 1);
        return new NDList(halves.get(0).mul(Activation.sigmoid(halves.get(1))));
    }

    private static NDArray value(ParameterStore store, Parameter parameter, NDArray like, boolean training) {
        return store.getValue(parameter, like.getDevice(), training);
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
