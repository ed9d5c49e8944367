package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;

/**
 * The provider {@code lipschitzrnn}: LipschitzRNN (Erichson et al., ICLR 2021), a continuous-time recurrent
 * unit with structured recurrent matrices. See {@link LipschitzRnnBlock}; keys under {@code
 * lra.models.lipschitzrnn} are documented on {@link LipschitzRnnConfig}.
 */
public final class LipschitzRnnProvider implements SequenceClassifierProvider {

    /** The provider id. */
    public static final String ID = "lipschitzrnn";

    /** Creates the provider. */
    public LipschitzRnnProvider() {
        // stateless
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String family() {
        return "recurrent";
    }

    @Override
    public SequenceClassifier create(TaskSpec task, Config config) {
        LipschitzRnnConfig settings = LipschitzRnnConfig.from(config);
        return BasicSequenceClassifier.of(ID, task, new LipschitzRnnBlock(task, settings), settings.forwardFlops(task));
    }

    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(64.2,
                "ordered pixel CIFAR-10, 1024×3 continuous (channel-major quirk), crop+flip",
                "Erichson, Azencot, Queiruga, Hodgkinson, Mahoney, \"Lipschitz Recurrent Neural Networks\","
                        + " ICLR 2021 (arXiv:2006.12070); as quoted by Gu et al., \"Efficiently Modeling Long"
                        + " Sequences with Structured State Spaces\", ICLR 2022, Table 12"));
    }
}
