package io.github.lrabench.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** The kit's checks can fail: a provider with the memory trap is caught. */
class ProviderConformanceFailuresTest {

    @Test
    void memoryTrapIsDetected() {
        ProviderConformance kit = new ProviderConformance(
                new MeanPoolProvider.LeakyProvider(), task -> ConfigFactory.parseString("hidden = 8"), "PyTorch");
        assertThatThrownBy(() -> kit.trainingDoesNotGrowModelMemory(ProviderConformanceTest.TOKEN_TASK))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("arrays held by the model's NDManager");
    }
}
