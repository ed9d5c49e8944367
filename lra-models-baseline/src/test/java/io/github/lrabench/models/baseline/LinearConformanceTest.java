package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on the linear map (its cpu variant), both engines, tokens and floats. */
class LinearConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new LinearProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.variant(LinearProvider.ID, "cpu");
    }
}
