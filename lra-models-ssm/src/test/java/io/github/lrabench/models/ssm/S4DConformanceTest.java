package io.github.lrabench.models.ssm;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on a tiny pre-norm S4D (PyTorch; MXNet is skipped for lack of FFT). */
class S4DConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new S4DProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tiny();
    }
}
