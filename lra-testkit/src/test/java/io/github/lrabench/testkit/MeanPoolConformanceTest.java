package io.github.lrabench.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;

/** The kit applied to a well-behaved provider: every check passes on both engines. */
class MeanPoolConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new MeanPoolProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return ConfigFactory.parseString("hidden = 8");
    }
}
