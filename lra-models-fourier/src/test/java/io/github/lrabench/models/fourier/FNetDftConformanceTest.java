package io.github.lrabench.models.fourier;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;
import java.util.List;

/**
 * The conformance kit on a tiny 2-layer FNet with {@code mixing = dft}, mean pooling and no CLS token, on PyTorch
 * (MXNet takes the DFT path already in {@link FNetConformanceTest}): the non-trainable DFT matrices must neither
 * leak arrays into the model's manager nor break save and load.
 */
class FNetDftConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new FNetProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tiny("dft")
                .withValue("num-layers", com.typesafe.config.ConfigValueFactory.fromAnyRef(2))
                .withValue("cls-token", com.typesafe.config.ConfigValueFactory.fromAnyRef(false))
                .withValue("pooling", com.typesafe.config.ConfigValueFactory.fromAnyRef("mean"));
    }

    @Override
    protected List<String> engines() {
        return List.of("PyTorch");
    }
}
