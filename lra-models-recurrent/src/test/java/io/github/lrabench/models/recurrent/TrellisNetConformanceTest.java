package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/**
 * The conformance kit on a small TrellisNet (state 12, 4 levels with dilations 1, 2, 4, 8: receptive field 16,
 * exactly the kit's length), every dropout switched on, on PyTorch and MXNet. A larger initialisation than the
 * paper's 0.01 lets this 12-channel model overfit the kit's random tokens within its 40 steps.
 */
class TrellisNetConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new TrellisNetProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestModels.config(TrellisNetProvider.ID, """
                embedding-size = 8
                hidden-size = 4
                output-size = 8
                num-levels = 4
                dilations = [1, 2, 4, 8]
                dropout = 0.1
                input-dropout = 0.1
                hidden-dropout = 0.1
                weight-dropout = 0.1
                init-std = 0.1
                """);
    }
}
