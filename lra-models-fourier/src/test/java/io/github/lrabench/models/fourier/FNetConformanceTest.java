package io.github.lrabench.models.fourier;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/**
 * The conformance kit on a tiny FNet with {@code mixing = auto} and CLS pooling: the FFT path on PyTorch, the DFT
 * path on MXNet.
 */
class FNetConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new FNetProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tiny("auto");
    }
}
