package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on a tiny ResNet (strided, option-A shortcuts), both engines, tokens and floats. */
class ResidualCnnConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new CnnProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tinyResidualCnn();
    }
}
