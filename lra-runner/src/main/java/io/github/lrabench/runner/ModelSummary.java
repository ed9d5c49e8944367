package io.github.lrabench.runner;

import io.github.lrabench.api.PaperResult;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code lra models}.
 *
 * @param id the provider id
 * @param family the provider's family
 * @param origin {@code class path} or the plugin jar
 * @param parameters the parameter count for the described task and variant, empty when it could not be built
 * @param forwardFlops forward FLOPs per sample, empty when unknown
 * @param paper the published result, if any
 * @param runnable whether the provider runs on the selected engine
 * @param note why it cannot run or could not be built; empty when fine
 */
public record ModelSummary(String id, String family, String origin, OptionalLong parameters,
        OptionalLong forwardFlops, Optional<PaperResult> paper, boolean runnable, String note) {}
