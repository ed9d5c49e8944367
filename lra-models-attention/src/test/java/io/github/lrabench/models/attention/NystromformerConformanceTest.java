package io.github.lrabench.models.attention;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;
import java.util.List;

/**
 * The conformance kit on a tiny Nyströmformer (d 8, 2 heads, 4 landmarks on L = 16, convolution kernel 3), with
 * the black-pixel mask on for the token task, on PyTorch and MXNet. The token task's inputs include zeros, so
 * the masked path is exercised.
 */
class NystromformerConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new NystromformerProvider();
    }

    @Override
    protected List<TaskSpec> tasks() {
        // a small vocabulary makes token 0 (masked) frequent in the kit's random inputs
        return List.of(new TaskSpec("conformance-tokens", 16, 1, 8, 10), CONTINUOUS_TASK);
    }

    @Override
    protected Config config(TaskSpec task) {
        return ConfigFactory.parseString("""
                embedding-size = 8, num-layers = 1, num-heads = 2, qkv-size = 8, mlp-size = 16, dropout = 0.1
                head-hidden-size = 8, num-landmarks = 4, conv-kernel-size = 3
                """)
                .withFallback(ConfigFactory.parseString("mask-zero-tokens = " + task.isTokenInput()))
                .withFallback(super.config(task));
    }
}
