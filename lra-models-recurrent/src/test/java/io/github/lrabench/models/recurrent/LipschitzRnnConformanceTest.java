package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on a small LipschitzRNN (N = 8), on PyTorch and MXNet. */
class LipschitzRnnConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new LipschitzRnnProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestModels.config(LipschitzRnnProvider.ID, """
                embedding-size = 4
                hidden-size = 8
                step-size = 0.1
                """);
    }
}
