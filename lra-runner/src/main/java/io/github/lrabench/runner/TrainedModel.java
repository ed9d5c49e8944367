package io.github.lrabench.runner;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.dataset.DataSettings;
import io.github.lrabench.dataset.EncodedSplit;
import io.github.lrabench.dataset.ImageArray;
import io.github.lrabench.dataset.PixelEncoder;
import io.github.lrabench.dataset.PixelEncoding;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A trained model loaded from its trial folder (best-validation parameters), for applications that classify
 * images or pixel sequences without the runner.
 *
 * <pre>{@code
 * try (LraBench bench = LraBench.open(Optional.empty(), Optional.empty(), Map.of());
 *         TrainedModel model = TrainedModel.load(bench.context(), Path.of("results/cpu/scifar/fnet/seed-0"))) {
 *     Prediction p = model.classify(ImageIO.read(new File("cat.png")));
 * }
 * }</pre>
 */
public final class TrainedModel implements AutoCloseable {

    private final TrainedModelCard card;
    private final Model model;
    private final PixelEncoder encoder;

    private TrainedModel(TrainedModelCard card, Model model, PixelEncoder encoder) {
        this.card = card;
        this.model = model;
        this.encoder = encoder;
    }

    /**
     * Loads the model of a completed trial.
     *
     * @param context providers, configuration (for the input encoding), engine and device
     * @param trialDir the trial folder (holding model.conf and checkpoints/best)
     * @return the model
     * @throws IllegalArgumentException when the folder is not a completed trial or its checkpoint is damaged
     */
    public static TrainedModel load(RunnerContext context, Path trialDir) {
        TrainedModelCard card = TrainedModelCard.read(trialDir);
        SequenceClassifier classifier = context.registry().get(card.model()).create(card.task(), card.modelConfig());
        Model model = Model.newInstance(card.model(), context.device(), context.engine());
        try {
            model.setBlock(classifier.block());
            classifier.block().initialize(model.getNDManager(), DataType.FLOAT32, card.task().inputShape(1));
            CheckpointStore.ofTrial(trialDir).load(CheckpointStore.BEST, model)
                    .orElseThrow(() -> new IllegalArgumentException(trialDir + " has no best checkpoint"));
        } catch (RuntimeException e) {
            model.close();
            throw e instanceof IllegalArgumentException ? e : new IllegalArgumentException(
                    "cannot load the trained model in " + trialDir + ": " + e.getMessage(), e);
        }
        DataSettings settings = DataSettings.fromConfig(context.config());
        PixelEncoder encoder = new PixelEncoder(settings.encoding(PixelEncoding.fromId(card.protocol())));
        return new TrainedModel(card, model, encoder);
    }

    /** Returns the model's card: id, protocol, task, configuration and class names. */
    public TrainedModelCard card() {
        return card;
    }

    /**
     * Classifies a 32×32 image, encoded as the model's protocol encodes CIFAR-10.
     *
     * @param image a 32×32 image
     * @return the prediction
     * @throws IllegalArgumentException when the image is not 32×32
     */
    public Prediction classify(BufferedImage image) {
        EncodedSplit encoded = encoder.encode(ImageArray.of(image, 0));
        return predict(new LabeledSequences(card.task(), encoded.tokens(), encoded.features(), new int[] {0}));
    }

    /**
     * Classifies a pixel sequence already encoded for the task.
     *
     * @param tokens {@code L} tokens (token tasks) or null
     * @param features {@code L·C} features (continuous tasks) or null
     * @return the prediction
     * @throws IllegalArgumentException when the wrong kind or length is given
     */
    public Prediction classify(int[] tokens, float[] features) {
        return predict(new LabeledSequences(card.task(), tokens, features, new int[] {0}));
    }

    private Prediction predict(LabeledSequences one) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray logits = model.getBlock().forward(new ParameterStore(manager, false),
                    new NDList(one.inputs(manager, new int[] {0})), false).head();
            float[] probabilities = logits.softmax(1).toFloatArray();
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            String name = best < card.classNames().size() ? card.classNames().get(best) : Integer.toString(best);
            return new Prediction(best, name, probabilities);
        }
    }

    /** Releases the model's native memory. */
    @Override
    public void close() {
        model.close();
    }

    /**
     * A classification.
     *
     * @param label the predicted class index
     * @param className the predicted class name
     * @param probabilities the softmax probabilities of every class
     */
    public record Prediction(int label, String className, float[] probabilities) {

        /** Returns the task-independent number of classes. */
        public int numClasses() {
            return probabilities.length;
        }
    }
}
