package io.github.lrabench.runner.perf;

import java.util.List;

/**
 * Everything one {@code lra perf} run measured: the content of {@code perf.json}.
 *
 * @param schemaVersion the version of this layout
 * @param createdAt when the run finished, ISO-8601
 * @param machine where it ran
 * @param protocol the protocol whose task was used
 * @param task that task
 * @param profile the profile whose variant was measured
 * @param variant the model variant
 * @param settings the {@code lra.perf} settings
 * @param matmul the matrix-multiply limit per engine
 * @param costs the memory bandwidth and per-op cost per engine
 * @param limitGflops the run's practical limit: the best engine's median matmul GFLOP/s, or null when none worked
 * @param limitEngine the engine that set the limit, or empty
 * @param models every provider on every engine
 * @param ratios each model's speed on the first engine over the second (with two engines)
 * @param lengthScaling training cost per sample at each length
 * @param lengthSlopes the growth exponent per provider and engine
 * @param notes how the figures were made
 */
public record PerfReport(int schemaVersion, String createdAt, MachineSummary machine, String protocol,
        TaskInfo task, String profile, String variant, PerfSettings settings, List<MatmulResult> matmul,
        List<EngineCosts> costs, Double limitGflops, String limitEngine, List<ModelPerf> models, List<EngineRatio> ratios,
        List<LengthPoint> lengthScaling, List<LengthSlope> lengthSlopes, List<String> notes) {

    /** The current {@link #schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    /** Copies the lists. */
    public PerfReport {
        matmul = List.copyOf(matmul);
        costs = List.copyOf(costs);
        models = List.copyOf(models);
        ratios = List.copyOf(ratios);
        lengthScaling = List.copyOf(lengthScaling);
        lengthSlopes = List.copyOf(lengthSlopes);
        notes = List.copyOf(notes);
    }
}
