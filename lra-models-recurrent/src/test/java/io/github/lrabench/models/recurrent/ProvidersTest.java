package io.github.lrabench.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifierProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Registration, families and published results of the module's providers. */
class ProvidersTest {

    @Test
    void bothProvidersAreRegisteredAsRecurrent() {
        Map<String, String> families = new TreeMap<>();
        for (SequenceClassifierProvider provider : ServiceLoader.load(SequenceClassifierProvider.class)) {
            families.put(provider.id(), provider.family());
        }
        assertThat(families).containsEntry("trellisnet", "recurrent").containsEntry("lipschitzrnn", "recurrent");
    }

    @Test
    void paperResultsNameTheirTaskVariants() {
        PaperResult trellis = new TrellisNetProvider().paperResult().orElseThrow();
        assertThat(trellis.accuracy()).isEqualTo(73.42);
        assertThat(trellis.taskVariant()).contains("sCIFAR-10").contains("RGB").contains("unpermuted");
        assertThat(trellis.citation()).contains("Bai").contains("ICLR 2019");
        PaperResult lipschitz = new LipschitzRnnProvider().paperResult().orElseThrow();
        assertThat(lipschitz.accuracy()).isEqualTo(64.2);
        assertThat(lipschitz.taskVariant()).contains("CIFAR-10").contains("channel-major");
        assertThat(lipschitz.citation()).contains("Erichson").contains("ICLR 2021");
    }

    @Test
    void noProviderNeedsAnEngineFeature() {
        assertThat(new TrellisNetProvider().requiredEngineFeatures()).isEmpty();
        assertThat(new LipschitzRnnProvider().requiredEngineFeatures()).isEmpty();
    }
}
