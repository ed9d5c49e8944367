package io.github.lrabench.runner.perf;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import io.github.lrabench.runner.MachineInfo;
import io.github.lrabench.runner.RunnerContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs {@code lra perf}: first each engine's matrix-multiply limit, then every requested provider at the profile's
 * variant on the protocol's task on every engine (training and inference throughput, achieved FLOP rate and its
 * fraction of the limit, ops per step, peak memory), then the training cost per sample against sequence length.
 * Every engine is passed by name, so that one process measures DJL PyTorch and DJL MXNet alike.
 */
public final class PerfRunner {

    private final RunnerContext context;
    private final PerfSettings settings;
    private final Consumer<String> progress;
    /** Each engine's device ({@code lra.device} resolved for it), filled at the start of {@link #run}. */
    private final Map<String, Device> devices = new HashMap<>();

    /**
     * Creates the runner.
     *
     * @param context the runner context (providers, configuration)
     * @param settings the perf settings
     * @param progress receives one line per step of the run (e.g. printed on stderr)
     */
    public PerfRunner(RunnerContext context, PerfSettings settings, Consumer<String> progress) {
        this.context = context;
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * Runs every measurement.
     *
     * @param protocol the protocol whose task the models are built for
     * @param models the provider ids, or empty for every provider
     * @return the report
     * @throws IllegalArgumentException for an unknown protocol, profile or model (listing the valid ones)
     * @throws IllegalArgumentException when an engine of the run cannot be loaded, or {@code lra.device} names a GPU
     *     it does not see
     */
    public PerfReport run(String protocol, List<String> models) {
        TaskSpec task = context.task(protocol);
        String variant = context.variant(settings.profile());
        List<String> ids = selectModels(models);
        for (String engine : settings.engines()) {
            devices.put(engine, context.device(engine));
        }

        List<MatmulResult> matmul = new ArrayList<>();
        for (String engine : settings.engines()) {
            progress.accept(String.format(Locale.ROOT, "matmul %d^3 fp32 on %s ...", settings.matmulSize(), engine));
            matmul.add(MatmulProbe.measure(engine, devices.get(engine), settings.matmulSize(), settings.matmulWarmup(),
                    settings.matmulRepeats()));
        }
        MatmulResult best = matmul.stream().filter(MatmulResult::ok)
                .max((a, b) -> Double.compare(a.gflops().median(), b.gflops().median())).orElse(null);
        Double limit = best == null ? null : best.gflops().median();
        List<EngineCosts> costs = new ArrayList<>();
        for (String engine : settings.engines()) {
            progress.accept(String.format(Locale.ROOT, "memory bandwidth and per-op cost on %s ...", engine));
            costs.add(CostProbe.measure(engine, devices.get(engine), settings.bandwidthMebibytes(), settings.dispatchOps(),
                    settings.costWarmup(), settings.costRepeats()));
        }

        List<ModelPerf> rows = new ArrayList<>();
        for (String engine : settings.engines()) {
            Double engineLimit = matmul.stream().filter(m -> m.engine().equals(engine) && m.ok())
                    .map(m -> m.gflops().median()).findFirst().orElse(null);
            for (String id : ids) {
                progress.accept(String.format(Locale.ROOT, "%s on %s: batch %d, %s ...", id, engine,
                        settings.batchSize(), task.describeInputShape()));
                EngineCosts engineCosts = costs.stream().filter(c -> c.engine().equals(engine) && c.ok())
                        .findFirst().orElse(null);
                rows.addAll(measurePaths(id, engine, task, context.variant(settings.profile(), id), limit, engineLimit, engineCosts));
            }
        }

        List<LengthPoint> points = new ArrayList<>();
        List<LengthSlope> slopes = new ArrayList<>();
        for (String engine : settings.lengthEngines()) {
            for (String id : ids) {
                List<LengthPoint> modelPoints = new ArrayList<>();
                for (int length : settings.lengths()) {
                    progress.accept(String.format(Locale.ROOT, "%s on %s at L=%d: batch %d ...", id, engine, length,
                            settings.lengthBatch(length)));
                    modelPoints.add(measureLength(id, engine, withLength(task, length),
                            context.variant(settings.profile(), id)));
                }
                points.addAll(modelPoints);
                slopes.add(slope(id, engine, modelPoints));
            }
        }
        return new PerfReport(PerfReport.SCHEMA_VERSION, Instant.now().toString(), machine(), protocol,
                TaskInfo.of(task), settings.profile(), variant, settings, matmul, costs, limit,
                best == null ? "" : best.engine(), rows, ratios(ids, rows), points, slopes, notes(limit));
    }

    private List<String> selectModels(List<String> requested) {
        Set<String> known = context.registry().ids();
        if (requested.isEmpty()) {
            if (known.isEmpty()) {
                throw new IllegalArgumentException("no model providers found: add model jars to the class path or"
                        + " use --plugins DIR");
            }
            return List.copyOf(known);
        }
        List<String> unknown = requested.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown model(s) " + unknown.stream().map(id -> "'" + id + "'")
                    .toList() + " (known models: " + String.join(", ", known) + ")");
        }
        return requested.stream().distinct().toList();
    }

    /**
     * Measures a model as configured, and a second time forced to its full computation when its block chooses an
     * exact shortcut ({@link PerfSettings#pathKeys()}) that changes its forward FLOPs.
     */
    private List<ModelPerf> measurePaths(String id, String engine, TaskSpec task, String variant, Double limit,
            Double engineLimit, EngineCosts costs) {
        Config configured;
        try {
            configured = ModelConfigs.forVariant(context.config(), id, variant);
        } catch (ConfigException e) {
            return List.of(measureModel(id, engine, task, null, "", limit, engineLimit, costs));
        }
        Optional<Config> full = PathChoice.forcedFull(configured, settings.pathKeys());
        if (full.isPresent() && !flops(id, task, configured).equals(flops(id, task, full.get()))) {
            progress.accept(String.format(Locale.ROOT, "%s on %s: once with its exact shortcuts (auto), once forced"
                    + " to the full computation (full)", id, engine));
            return List.of(measureModel(id, engine, task, configured, PathChoice.AUTO, limit, engineLimit, costs),
                    measureModel(id, engine, task, full.get(), PathChoice.FULL, limit, engineLimit, costs));
        }
        return List.of(measureModel(id, engine, task, configured, "", limit, engineLimit, costs));
    }

    private OptionalLong flops(String id, TaskSpec task, Config modelConfig) {
        try {
            return context.registry().get(id).create(task, modelConfig).forwardFlopsPerSample();
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private SequenceClassifier create(String id, TaskSpec task, Config modelConfig) {
        if (modelConfig == null) {
            throw new IllegalArgumentException("configuration of model '" + id + "' (lra.models." + id
                    + ") cannot be read");
        }
        try {
            return context.registry().get(id).create(task, modelConfig);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("configuration of model '" + id + "' (lra.models." + id + "): "
                    + e.getMessage(), e);
        }
    }

    private ModelPerf measureModel(String id, String engine, TaskSpec task, Config modelConfig, String path,
            Double limit, Double engineLimit, EngineCosts costs) {
        String family = context.registry().get(id).family();
        int batchSize = settings.batchSize();
        Optional<String> unavailable = unavailable(id, engine);
        if (unavailable.isPresent()) {
            return notMeasured(id, family, engine, PerfStatus.NOT_APPLICABLE, unavailable.get(), null, null,
                    batchSize, path);
        }
        SequenceClassifier classifier;
        try {
            Engine.getEngine(engine).setRandomSeed(Math.toIntExact(settings.seed() % Integer.MAX_VALUE));
            classifier = create(id, task, modelConfig);
        } catch (IllegalArgumentException e) {
            return notMeasured(id, family, engine, PerfStatus.NOT_APPLICABLE, e.getMessage(), null, null, batchSize,
                    path);
        } catch (RuntimeException e) {
            return notMeasured(id, family, engine, PerfStatus.FAILED, "cannot be built: " + e, null, null,
                    batchSize, path);
        }
        Long flops = boxed(classifier.forwardFlopsPerSample());
        Long parameters = null;
        PeakMemory.reset();
        try (StepBench bench = new StepBench(classifier, engine, devices.get(engine), batchSize, settings.seed())) {
            parameters = bench.parameters();
            Stats train = throughput(bench.trainSeconds(settings.warmup(), settings.repeats()), batchSize);
            Stats inference = throughput(bench.inferenceSeconds(settings.warmup(), settings.repeats()), batchSize);
            OpCounts ops = countOps(bench, engine);
            Double trainGflops = flops == null ? null : 3.0 * flops * train.median() / 1e9;
            Double inferenceGflops = flops == null ? null : (double) flops * inference.median() / 1e9;
            return new ModelPerf(id, family, engine, PerfStatus.OK, "", parameters, flops, batchSize, train,
                    inference, trainGflops, inferenceGflops, fraction(trainGflops, limit),
                    fraction(trainGflops, engineLimit), fraction(inferenceGflops, limit), ops,
                    PeakMemory.peakBytes(), StepBounds.of(batchSize, train.median(), flops, engineLimit,
                            ops.bytesPerStep(), costs == null ? null : costs.bandwidthGigabytesPerSecond().median(),
                            ops.total(), costs == null ? null : costs.dispatchMicroseconds().median()), path);
        } catch (IllegalArgumentException e) {
            return notMeasured(id, family, engine, PerfStatus.NOT_APPLICABLE, e.getMessage(), parameters, flops,
                    batchSize, path);
        } catch (RuntimeException e) {
            return notMeasured(id, family, engine, PerfStatus.FAILED, String.valueOf(e), parameters, flops,
                    batchSize, path);
        }
    }

    private OpCounts countOps(StepBench bench, String engine) {
        if (!settings.countOps()) {
            return OpCounts.of(null, null, null, null, "not counted (lra.perf.count-ops = false)");
        }
        try {
            return bench.countOps(EngineHooks.opCounter(engine), "not exposed by DJL " + engine);
        } catch (IllegalStateException e) {
            return OpCounts.of(null, null, null, null, "the op count failed: " + e.getMessage());
        }
    }

    private LengthPoint measureLength(String id, String engine, TaskSpec task, String variant) {
        int batchSize = settings.lengthBatch(task.sequenceLength());
        Optional<String> unavailable = unavailable(id, engine);
        if (unavailable.isPresent()) {
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.NOT_APPLICABLE,
                    unavailable.get(), null, null, 0);
        }
        SequenceClassifier classifier;
        try {
            Engine.getEngine(engine).setRandomSeed(Math.toIntExact(settings.seed() % Integer.MAX_VALUE));
            classifier = context.create(id, task, variant);
        } catch (IllegalArgumentException e) {
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.NOT_APPLICABLE,
                    e.getMessage(), null, null, 0);
        } catch (RuntimeException e) {
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.FAILED,
                    "cannot be built: " + e, null, null, 0);
        }
        Long flops = boxed(classifier.forwardFlopsPerSample());
        PeakMemory.reset();
        try (StepBench bench = new StepBench(classifier, engine, devices.get(engine), batchSize, settings.seed())) {
            double[] seconds = bench.trainSeconds(settings.lengthWarmup(), settings.lengthRepeats());
            double[] perSample = Arrays.stream(seconds).map(s -> s / batchSize).toArray();
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.OK, "",
                    Stats.of(perSample), flops, PeakMemory.peakBytes());
        } catch (IllegalArgumentException e) {
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.NOT_APPLICABLE,
                    e.getMessage(), null, flops, 0);
        } catch (RuntimeException e) {
            return new LengthPoint(id, engine, task.sequenceLength(), batchSize, PerfStatus.FAILED,
                    String.valueOf(e), null, flops, 0);
        }
    }

    private Optional<String> unavailable(String id, String engine) {
        Set<String> missing = EngineFeatures.missing(context.registry().get(id), engine);
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(engine + " lacks " + String.join(", ", missing));
    }

    private static ModelPerf notMeasured(String id, String family, String engine, String status, String reason,
            Long parameters, Long flops, int batchSize, String path) {
        return new ModelPerf(id, family, engine, status, reason, parameters, flops, batchSize, null, null, null, null,
                null, null, null, null, 0, null, path);
    }

    private static TaskSpec withLength(TaskSpec task, int length) {
        return new TaskSpec(task.name(), length, task.channels(), task.vocabularySize(), task.numClasses());
    }

    private static Stats throughput(double[] seconds, int batchSize) {
        return Stats.of(Arrays.stream(seconds).map(s -> batchSize / s).toArray());
    }

    private static Double fraction(Double achieved, Double limit) {
        return achieved == null || limit == null || limit <= 0 ? null : achieved / limit;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /**
     * Fits the growth exponent: the least-squares slope of log(seconds per sample) against log(L).
     *
     * @param id the provider id
     * @param engine the engine
     * @param points the provider's points on that engine
     * @return the slope, null with fewer than two measured lengths
     */
    static LengthSlope slope(String id, String engine, List<LengthPoint> points) {
        List<LengthPoint> measured = points.stream().filter(LengthPoint::ok).toList();
        if (measured.size() < 2) {
            return new LengthSlope(id, engine, null, measured.size());
        }
        double meanX = 0;
        double meanY = 0;
        for (LengthPoint p : measured) {
            meanX += Math.log(p.length());
            meanY += Math.log(p.secondsPerSample().median());
        }
        meanX /= measured.size();
        meanY /= measured.size();
        double sxy = 0;
        double sxx = 0;
        for (LengthPoint p : measured) {
            double dx = Math.log(p.length()) - meanX;
            sxy += dx * (Math.log(p.secondsPerSample().median()) - meanY);
            sxx += dx * dx;
        }
        return new LengthSlope(id, engine, sxy / sxx, measured.size());
    }

    private List<EngineRatio> ratios(List<String> ids, List<ModelPerf> rows) {
        if (settings.engines().size() < 2) {
            return List.of();
        }
        String first = settings.engines().get(0);
        String second = settings.engines().get(1);
        List<EngineRatio> ratios = new ArrayList<>();
        for (String id : ids) {
            Optional<ModelPerf> a = find(rows, id, first);
            Optional<ModelPerf> b = find(rows, id, second);
            Double train = a.isPresent() && b.isPresent()
                    ? a.get().trainSamplesPerSecond().median() / b.get().trainSamplesPerSecond().median() : null;
            Double inference = a.isPresent() && b.isPresent()
                    ? a.get().inferenceSamplesPerSecond().median() / b.get().inferenceSamplesPerSecond().median()
                    : null;
            ratios.add(new EngineRatio(id, first, second, train, inference));
        }
        return ratios;
    }

    private static Optional<ModelPerf> find(List<ModelPerf> rows, String id, String engine) {
        return rows.stream().filter(r -> r.model().equals(id) && r.engine().equals(engine) && r.ok()
                && !PathChoice.FULL.equals(r.path())).findFirst();
    }

    private MachineSummary machine() {
        return new MachineSummary(MachineInfo.cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                Engine.getDjlVersion(), MachineInfo.gitCommit(), MachineInfo.projectVersion());
    }

    private List<String> notes(Double limit) {
        List<String> notes = new ArrayList<>();
        notes.add("Devices (lra.device): " + String.join(", ", settings.engines().stream()
                .map(engine -> engine + " on " + MachineInfo.describe(devices.get(engine))).toList()) + ".");
        notes.add("Inputs are synthetic (random tokens or features of the task's shape); timings exclude "
                + settings.warmup() + " warm-up step(s) and are medians over " + settings.repeats()
                + " timed step(s), with min-max.");
        notes.add("A training step is forward + softmax cross-entropy + backward + Adam update, as in lra bench;"
                + " inference is one forward pass in inference mode.");
        notes.add("Achieved GFLOP/s count 3 x the provider's forward FLOPs per training sample (forward + backward"
                + " ~ 3 x forward; the update is not counted) and 1 x per inference sample.");
        notes.add(limit == null ? "No engine could run the matrix-multiply probe: fractions of the limit are missing."
                : String.format(Locale.ROOT, "The limit is the best engine's median fp32 matmul rate (%d^3, %.1f"
                        + " GFLOP/s); '%% of limit' compares every engine against it, the JSON also holds each"
                        + " engine's own fraction.", settings.matmulSize(), limit));
        notes.add("Ops per step: on PyTorch, the autograd profiler's top-level ATen calls and autograd nodes"
                + " (forward / backward / update); other engines: not exposed by DJL. 'fwd arrays' counts the"
                + " NDArrays the forward pass and loss leave in the step's manager on every engine, a lower bound"
                + " on the forward ops.");
        notes.add("Bounds of a step: compute = 3 x forward FLOPs x batch at the engine's own matmul rate; memory ="
                + " the bytes the step's kernels read and wrote (PyTorch profiler with shapes: fp32 inputs plus"
                + " allocated outputs of the innermost ops, views excluded) at the streaming bandwidth of a + b over"
                + " two " + settings.bandwidthMebibytes() + " MiB arrays; dispatch = ops per step x the time of one op"
                + " under autograd (a chain of " + settings.dispatchOps() + " products of one-element arrays, forward"
                + " and backward). Compute and dispatch are lower bounds; memory is an estimate that caches can beat"
                + " (arrays that stay in cache never reach DRAM), so a step faster than it ('step / bound' < 1) is"
                + " served partly from cache. 'step / bound' is the measured step over the largest of the three.");
        notes.add("The profiled step (ops, op times, bytes) runs under the profiler once after the timed steps; its"
                + " op times include the profiler's overhead and serve only to rank the ops.");
        notes.add("A model whose block chooses an exact shortcut (" + String.join(", ", settings.pathKeys())
                + " = auto) is measured twice when the shortcut changes its FLOPs: [auto] as configured, [full] forced"
                + " to the full computation; both give the same logits and gradients, and each row's FLOPs are those"
                + " its path computes. Engine ratios and the length scaling use the configured path.");
        notes.add("Peak memory is the whole process's peak resident size (VmHWM) while the model was measured.");
        notes.add("Length scaling: training time per sample with batch min(" + settings.batchSize() + ", max(1, "
                + settings.tokensPerBatch() + " / L)) (smaller batches at long L; per-sample time is compared), "
                + settings.lengthWarmup() + " warm-up and " + settings.lengthRepeats() + " timed step(s), on "
                + String.join(", ", settings.lengthEngines()) + ".");
        return notes;
    }
}
