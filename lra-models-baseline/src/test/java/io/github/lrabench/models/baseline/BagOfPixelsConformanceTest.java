package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on the tiny bag-of-pixels, both engines, tokens and floats. */
class BagOfPixelsConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new BagOfPixelsProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tinyBag();
    }
}
