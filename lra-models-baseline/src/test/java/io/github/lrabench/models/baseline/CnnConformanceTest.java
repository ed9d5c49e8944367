package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on a tiny plain CNN (max-pool downsampling), both engines, tokens and floats. */
class CnnConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new CnnProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tinyPlainCnn();
    }
}
