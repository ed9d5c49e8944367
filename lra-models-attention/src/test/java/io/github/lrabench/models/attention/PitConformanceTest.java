package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;

/** The conformance kit on a tiny PiT (d 8, 2 heads, CLS pooling, both dropouts on), on PyTorch and MXNet. */
class PitConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new PitProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return ConfigFactory.parseString("""
                embedding-size = 8, num-layers = 1, num-heads = 2, qkv-size = 8, mlp-size = 16
                dropout = 0.1, attention-dropout = 0.1, pooling = cls
                """).withFallback(super.config(task));
    }
}
