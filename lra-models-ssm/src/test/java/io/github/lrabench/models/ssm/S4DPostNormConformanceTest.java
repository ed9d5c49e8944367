package io.github.lrabench.models.ssm;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.testkit.ProviderConformanceTest;
import java.util.List;

/** The conformance kit on a tiny post-norm S4D (the paper variant's layout), continuous input, PyTorch. */
class S4DPostNormConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new S4DProvider();
    }

    @Override
    protected Config config(TaskSpec task) {
        return TestConfigs.tinyWith("prenorm", false);
    }

    @Override
    protected List<TaskSpec> tasks() {
        return List.of(CONTINUOUS_TASK);
    }

    @Override
    protected List<String> engines() {
        return List.of("PyTorch");
    }
}
