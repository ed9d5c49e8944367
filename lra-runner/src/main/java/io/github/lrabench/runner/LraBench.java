package io.github.lrabench.runner;

import com.typesafe.config.Config;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.RegisteredProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Java API behind the {@code lra} command, for applications that run suites or single models themselves.
 *
 * <pre>{@code
 * try (LraBench bench = LraBench.open(Optional.empty(), Optional.empty(), Map.of("lra.engine", "PyTorch"))) {
 *     SuiteRequest request = new SuiteRequest(List.of("scifar"), "smoke", List.of("fnet"), 0, 1,
 *             Path.of("out"), OptionalInt.empty());
 *     List<RunResult> results = bench.run(request, bench.dataSource(Optional.empty()), TrialListener.NONE);
 * }
 * }</pre>
 */
public final class LraBench implements AutoCloseable {

    private final RunnerContext context;

    private LraBench(RunnerContext context) {
        this.context = context;
    }

    /**
     * Discovers the providers and loads the configuration.
     *
     * @param plugins a folder of plugin jars, or empty
     * @param configFile an application config file, or empty
     * @param overrides configuration values keyed by full path (highest precedence)
     * @return the bench
     */
    public static LraBench open(Optional<Path> plugins, Optional<Path> configFile, Map<String, ?> overrides) {
        return new LraBench(RunnerContext.open(plugins, configFile, overrides));
    }

    /** Returns the runner context (providers, configuration, engine). */
    public RunnerContext context() {
        return context;
    }

    /**
     * Returns the data source the configuration describes: generated data for profiles whose {@code
     * data.source} is {@code synthetic}, else CIFAR-10 from {@code dataPath} (or the download cache).
     *
     * @param dataPath a local CIFAR-10 copy (image folder, binary folder or archive), or empty
     * @return the source
     */
    public TrialDataSource dataSource(Optional<Path> dataPath) {
        return new CifarTrialData(context, dataPath);
    }

    /**
     * Plans a suite, checking every requested model first (all problems reported together).
     *
     * @param request the request
     * @return the plan
     * @throws IllegalArgumentException listing unknown models and models that cannot run on the engine
     */
    public SuitePlan plan(SuiteRequest request) {
        request.protocols().forEach(context::task);
        context.variant(request.profile());
        List<String> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (request.models().isEmpty()) {
            for (RegisteredProvider entry : context.registry().providers()) {
                if (EngineFeatures.missing(entry.provider(), context.engine()).isEmpty()) {
                    models.add(entry.provider().id());
                }
            }
        } else {
            for (String id : request.models()) {
                if (!context.registry().ids().contains(id)) {
                    problems.add("unknown model '" + id + "'");
                    continue;
                }
                Set<String> missing = EngineFeatures.missing(context.registry().get(id), context.engine());
                if (!missing.isEmpty()) {
                    problems.add("model '" + id + "' needs " + missing + ", which " + context.engine() + " lacks");
                    continue;
                }
                models.add(id);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + " (known models: "
                    + String.join(", ", context.registry().ids()) + ")");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no model provider runs on " + context.engine());
        }
        return SuitePlan.of(request.protocols(), models, request.profile(), request.firstSeed(), request.seeds());
    }

    /**
     * Runs a suite (or its one requested trial), then rebuilds the report in its output folder.
     *
     * @param request the request
     * @param data where trial data comes from
     * @param listener progress callbacks
     * @return the results of the requested trials
     * @throws SuiteValidationException before anything is written or trained, naming every requested trial whose
     *     settings are bad or whose model cannot be built, with its problems
     */
    public List<RunResult> run(SuiteRequest request, TrialDataSource data, TrialListener listener) {
        SuitePlan plan = plan(request);
        List<TrialSpec> trials = request.trial().isPresent()
                ? List.of(plan.trial(request.trial().getAsInt())) : plan.trials();
        List<RunResult> results = new SuiteRunner(new TrialRunner(context), data,
                context.config().getDouble("lra.stop-wait-seconds"), context.registry()::pluginJars)
                .run(trials, request.outputDir(), request.fresh(), listener);
        report(List.of(request.outputDir()), request.outputDir());
        return results;
    }

    /**
     * Rebuilds summary.md, summary.csv and the plots from every result.json under some folders.
     *
     * @param resultDirs folders holding result files (e.g. copied from many machines)
     * @param outputDir where the report goes
     * @return the files written
     */
    public List<Path> report(List<Path> resultDirs, Path outputDir) {
        ResultFiles files = new ResultFiles();
        List<RunResult> results = ResultFiles.find(resultDirs).stream().map(files::read).toList();
        return new ReportWriter(predecessorAccuracies(context.config())).write(results, outputDir);
    }

    /**
     * Reads the predecessor project's accuracies from {@code lra.report.predecessor}.
     *
     * @param config the configuration
     * @return accuracy in percent by model id
     */
    public static Map<String, Double> predecessorAccuracies(Config config) {
        Config block = config.getConfig("lra.report.predecessor");
        Map<String, Double> map = new TreeMap<>();
        for (String key : block.root().keySet()) {
            map.put(key, block.getDouble(key));
        }
        return map;
    }

    /** Closes the plugin class loaders. */
    @Override
    public void close() {
        context.close();
    }
}
