package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.ndarray.NDList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ai.djl.translate.TranslateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DjlDatasetsTest {

    private static final DataSettings SETTINGS = DataSettings.defaults();
    private final CifarData data = SyntheticCifar.generate(30, 10, 8);

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void tokenBatchesFollowTheSeededEpochOrder(String engine) throws IOException, TranslateException {
        EncodedSplit split = new PixelEncoder(SETTINGS.encoding(PixelEncoding.LRA_IMAGE)).encode(data.train());
        EpochSampler sampler = new EpochSampler(8, true, EpochSampler.Shuffle.EXAMPLES, 77);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine)) {
            ArrayDataset dataset = DjlDatasets.create(manager, split, sampler);

            List<Long> epoch0 = readEpoch(dataset, manager, split, 8);
            List<Long> epoch1 = readEpoch(dataset, manager, split, 8);

            assertThat(epoch0).isEqualTo(EpochSamplerTest.flatten(sampler.batches(0, 30)));
            assertThat(epoch1).isEqualTo(EpochSamplerTest.flatten(sampler.batches(1, 30)));
            assertThat(epoch0).hasSize(24).isNotEqualTo(epoch1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PyTorch", "MXNet"})
    void featureBatchesHaveShapeBBy1024By3AndWorkWithTheLoss(String engine) throws IOException,
            TranslateException {
        EncodedSplit split = new PixelEncoder(SETTINGS.encoding(PixelEncoding.SCIFAR)).encode(data.test());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), engine)) {
            ArrayDataset dataset = DjlDatasets.evaluation(manager, split, 4, false);
            List<Long> sizes = new ArrayList<>();
            for (Batch batch : dataset.getData(manager)) {
                try (batch) {
                    NDArray x = batch.getData().singletonOrThrow();
                    NDArray y = batch.getLabels().singletonOrThrow();
                    assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
                    assertThat(x.getShape().slice(1).getShape()).containsExactly(1024, 3);
                    assertThat(y.getDataType()).isEqualTo(DataType.INT32);
                    sizes.add(x.getShape().get(0));
                    NDArray logits = x.mean(new int[] {1}).matMul(manager.ones(new ai.djl.ndarray.types.Shape(3, 10)));
                    float loss = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits))
                            .getFloat();
                    assertThat(loss).isFinite();
                }
            }
            assertThat(sizes).containsExactly(4L, 4L, 2L);
            NDArray first = DjlDatasets.data(manager, split).get(0);
            assertThat(first.toFloatArray()[5 * 3 + 1]).isEqualTo(split.features()[5 * 3 + 1]);
        }
    }

    private static List<Long> readEpoch(ArrayDataset dataset, NDManager manager, EncodedSplit split, int batchSize)
            throws IOException, TranslateException {
        List<Long> order = new ArrayList<>();
        for (Batch batch : dataset.getData(manager)) {
            try (batch) {
                NDArray x = batch.getData().singletonOrThrow();
                assertThat(x.getDataType()).isEqualTo(DataType.INT32);
                assertThat(x.getShape().getShape()).containsExactly(batchSize, 1024);
                int[] tokens = x.toIntArray();
                int[] labels = batch.getLabels().singletonOrThrow().toIntArray();
                for (int row = 0; row < batchSize; row++) {
                    int index = find(split, tokens, row);
                    order.add((long) index);
                    assertThat(labels[row]).isEqualTo(split.labels()[index]);
                }
            }
        }
        return order;
    }

    /** Finds the example whose tokens equal the batch row (synthetic images are all distinct). */
    private static int find(EncodedSplit split, int[] tokens, int row) {
        for (int i = 0; i < split.size(); i++) {
            if (java.util.Arrays.equals(split.tokens(), i * 1024, (i + 1) * 1024, tokens, row * 1024,
                    (row + 1) * 1024)) {
                return i;
            }
        }
        throw new AssertionError("batch row " + row + " matches no example");
    }
}
