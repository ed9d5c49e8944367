package io.github.lrabench.models.recurrent;

import com.typesafe.config.Config;
import io.github.lrabench.api.BasicSequenceClassifier;
import io.github.lrabench.api.PaperResult;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.Optional;

/**
 * The provider {@code trellisnet}: TrellisNet (Bai, Kolter, Koltun, ICLR 2019), a temporal convolution network
 * whose levels share one weight set, with input injection and LSTM-style gates. See {@link TrellisNetBlock} and
 * {@link TrellisStack}; keys under {@code lra.models.trellisnet} are documented on {@link TrellisNetConfig}.
 */
public final class TrellisNetProvider implements SequenceClassifierProvider {

    /** The provider id. */
    public static final String ID = "trellisnet";

    /** Creates the provider. */
    public TrellisNetProvider() {
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
        TrellisNetConfig settings = TrellisNetConfig.from(config, task);
        return BasicSequenceClassifier.of(ID, task, new TrellisNetBlock(task, settings), settings.forwardFlops(task));
    }

    @Override
    public Optional<PaperResult> paperResult() {
        return Optional.of(new PaperResult(73.42,
                "sCIFAR-10, RGB 1024×3 continuous, unpermuted",
                "Bai, Kolter, Koltun, \"Trellis Networks for Sequence Modeling\", ICLR 2019 (arXiv:1810.06682);"
                        + " as quoted by Gu et al., \"Efficiently Modeling Long Sequences with Structured State"
                        + " Spaces\", ICLR 2022, Table 12"));
    }
}
