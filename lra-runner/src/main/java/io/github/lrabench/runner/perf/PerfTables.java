package io.github.lrabench.runner.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link PerfReport} as text for the terminal or as Markdown for {@code perf.md}. */
public final class PerfTables {

    /** How many of a model's slowest ops the table names. */
    private static final int HOT_OPS_SHOWN = 5;

    private final PerfReport report;
    private final boolean markdown;
    private final List<String> footnotes = new ArrayList<>();

    private PerfTables(PerfReport report, boolean markdown) {
        this.report = report;
        this.markdown = markdown;
    }

    /**
     * Renders the report as fixed-width text.
     *
     * @param report the report
     * @return the text
     */
    public static String text(PerfReport report) {
        return new PerfTables(report, false).render();
    }

    /**
     * Renders the report as Markdown.
     *
     * @param report the report
     * @return the Markdown document
     */
    public static String markdown(PerfReport report) {
        return new PerfTables(report, true).render();
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        PerfSettings s = report.settings();
        MachineSummary m = report.machine();
        heading(out, "lra perf");
        line(out, String.format(Locale.ROOT, "protocol %s, input %s%s, %d classes; profile %s (variant %s);"
                + " engines %s", report.protocol(), report.task().inputShape(),
                report.task().vocabularySize() > 0 ? " tokens" : " floats", report.task().numClasses(),
                report.profile(), report.variant(), String.join(", ", s.engines())));
        line(out, String.format(Locale.ROOT, "%s, %d cores; %s; DJL %s; lra-bench %s (git %s); %s", m.cpu(),
                m.cores(), m.jvm(), m.djlVersion(), m.projectVersion(), m.gitCommit(), report.createdAt()));
        out.append('\n');

        heading(out, String.format(Locale.ROOT, "Practical limit: fp32 matmul %d^3, GFLOP/s, median (min-max) of %d",
                s.matmulSize(), s.matmulRepeats()));
        TextTable limits = new TextTable("engine", "version", "GFLOP/s");
        for (MatmulResult r : report.matmul()) {
            limits.add(r.engine(), r.engineVersion(), r.ok() ? stats(r.gflops(), 1) : note(r.engine(), r.reason(),
                    r.status()));
        }
        table(out, limits);
        line(out, report.limitGflops() == null ? "limit: none (no engine ran the probe)"
                : String.format(Locale.ROOT, "limit: %.1f GFLOP/s (%s)", report.limitGflops(), report.limitEngine()));
        out.append('\n');

        heading(out, String.format(Locale.ROOT, "Throughput at L=%d, batch %d: median (min-max) of %d timed steps"
                + " after %d warm-up", report.task().sequenceLength(), s.batchSize(), s.repeats(), s.warmup()));
        TextTable models = new TextTable("model", "engine", "params", "fwd MFLOP/sample", "train samples/s",
                "infer samples/s", "train GFLOP/s", "% of limit", "infer GFLOP/s", "ops/step fwd+bwd+upd",
                "fwd arrays", "peak RSS");
        for (ModelPerf r : report.models()) {
            if (!r.ok()) {
                String cell = note(r.label() + " on " + r.engine(), r.reason(), r.status());
                models.add(r.label(), r.engine(), count(r.parameters()), mflops(r.forwardFlopsPerSample()), cell, "-",
                        "-", "-", "-", "-", "-", "-");
                continue;
            }
            OpCounts ops = r.ops();
            models.add(r.label(), r.engine(), count(r.parameters()), mflops(r.forwardFlopsPerSample()),
                    stats(r.trainSamplesPerSecond(), -1), stats(r.inferenceSamplesPerSecond(), -1),
                    number(r.trainGflops()), percent(r.trainFractionOfLimit()), number(r.inferenceGflops()),
                    ops.total() == null ? "not exposed"
                            : ops.forward() + "+" + ops.backward() + "+" + ops.update() + " = " + ops.total(),
                    ops.forwardArrays() == null ? "-" : Integer.toString(ops.forwardArrays()),
                    bytes(r.peakResidentBytes()));
        }
        table(out, models);
        out.append('\n');
        paths(out);

        costs(out);
        bounds(out, s.batchSize());
        hottestOps(out);

        if (!report.ratios().isEmpty()) {
            EngineRatio first = report.ratios().get(0);
            heading(out, "Engine ratio " + first.numeratorEngine() + "/" + first.denominatorEngine()
                    + " (samples/s, same run)");
            TextTable ratios = new TextTable("model", "train", "inference");
            for (EngineRatio r : report.ratios()) {
                ratios.add(r.model(), ratio(r.train()), ratio(r.inference()));
            }
            table(out, ratios);
            out.append('\n');
        }

        heading(out, "Training time per sample (ms) against sequence length: median (min-max); slope ="
                + " d log(time) / d log(L)");
        List<String> header = new ArrayList<>(List.of("model", "engine"));
        for (int length : s.lengths()) {
            header.add(String.format(Locale.ROOT, "L=%d (batch %d)", length, s.lengthBatch(length)));
        }
        header.add("slope");
        TextTable lengths = new TextTable(header.toArray(String[]::new));
        for (LengthSlope slope : report.lengthSlopes()) {
            List<String> cells = new ArrayList<>(List.of(slope.model(), slope.engine()));
            for (int length : s.lengths()) {
                LengthPoint p = report.lengthScaling().stream().filter(x -> x.model().equals(slope.model())
                        && x.engine().equals(slope.engine()) && x.length() == length).findFirst().orElse(null);
                if (p == null) {
                    cells.add("-");
                } else if (p.ok()) {
                    cells.add(stats(p.secondsPerSample().map(v -> v * 1000), -1));
                } else {
                    cells.add(note(p.model() + " on " + p.engine() + " at L=" + length, p.reason(), p.status()));
                }
            }
            cells.add(slope.slope() == null ? "-" : String.format(Locale.ROOT, "%.2f", slope.slope()));
            lengths.add(cells.toArray(String[]::new));
        }
        table(out, lengths);
        out.append('\n');

        if (!footnotes.isEmpty()) {
            heading(out, "Notes on rows");
            for (int i = 0; i < footnotes.size(); i++) {
                out.append(markdown ? "- " : "").append("(" + (i + 1) + ") " + footnotes.get(i)).append('\n');
            }
            out.append('\n');
        }
        heading(out, "How the figures were made");
        for (String note : report.notes()) {
            out.append(markdown ? "- " : "* ").append(note).append('\n');
        }
        return out.toString();
    }

    private String note(String subject, String reason, String status) {
        footnotes.add(subject + ": " + status + ": " + reason);
        return status + " (" + footnotes.size() + ")";
    }

    private void heading(StringBuilder out, String title) {
        out.append(markdown ? "## " + title + "\n\n" : title + "\n");
    }

    private void line(StringBuilder out, String text) {
        out.append(text).append(markdown ? "\n\n" : "\n");
    }

    private void table(StringBuilder out, TextTable table) {
        out.append(markdown ? table.toMarkdown() + "\n" : table.toText());
    }

    private static String stats(Stats s, int decimals) {
        return number(s.median(), decimals) + " (" + number(s.min(), decimals) + "-" + number(s.max(), decimals)
                + ")";
    }

    private static String number(Double value) {
        return value == null ? "-" : number(value, -1);
    }

    /** Formats with a fixed number of decimals, or about three significant digits when {@code decimals < 0}. */
    private static String number(double value, int decimals) {
        int places = decimals >= 0 ? decimals
                : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** The exact shortcuts side by side: each model measured with (auto) and without (full) them. */
    private void paths(StringBuilder out) {
        TextTable paths = new TextTable("model", "engine", "fwd MFLOP auto", "fwd MFLOP full", "FLOP ratio",
                "train samples/s auto", "train samples/s full", "train speed-up", "infer speed-up");
        int rows = 0;
        for (ModelPerf auto : report.models()) {
            if (!PathChoice.AUTO.equals(auto.path())) {
                continue;
            }
            ModelPerf full = report.models().stream().filter(r -> PathChoice.FULL.equals(r.path())
                    && r.model().equals(auto.model()) && r.engine().equals(auto.engine())).findFirst().orElse(null);
            if (full == null) {
                continue;
            }
            boolean both = auto.ok() && full.ok();
            paths.add(auto.model(), auto.engine(), mflops(auto.forwardFlopsPerSample()),
                    mflops(full.forwardFlopsPerSample()),
                    auto.forwardFlopsPerSample() == null || full.forwardFlopsPerSample() == null ? "-"
                            : ratio((double) full.forwardFlopsPerSample() / auto.forwardFlopsPerSample()),
                    auto.ok() ? stats(auto.trainSamplesPerSecond(), -1) : "-",
                    full.ok() ? stats(full.trainSamplesPerSecond(), -1) : "-",
                    both ? ratio(auto.trainSamplesPerSecond().median() / full.trainSamplesPerSecond().median())
                            : "-",
                    both ? ratio(auto.inferenceSamplesPerSecond().median()
                            / full.inferenceSamplesPerSecond().median()) : "-");
            rows++;
        }
        if (rows == 0) {
            return;
        }
        heading(out, "Exact shortcuts: configured (auto) against forced full computation, same logits and gradients");
        table(out, paths);
        out.append('\n');
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String count(Long value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String mflops(Long flops) {
        return flops == null ? "-" : String.format(Locale.ROOT, "%.1f", flops / 1e6);
    }

    private static String bytes(long bytes) {
        if (bytes <= 0) {
            return "-";
        }
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }

    private void costs(StringBuilder out) {
        if (report.costs().isEmpty()) {
            return;
        }
        heading(out, "Memory bandwidth (a + b, GB/s) and cost of one op (µs): median (min-max)");
        TextTable costs = new TextTable("engine", "bandwidth GB/s", "µs per op");
        for (EngineCosts c : report.costs()) {
            if (c.ok()) {
                costs.add(c.engine(), stats(c.bandwidthGigabytesPerSecond(), 1), stats(c.dispatchMicroseconds(), 1));
            } else {
                costs.add(c.engine(), note(c.engine() + " costs", c.reason(), c.status()), "-");
            }
        }
        table(out, costs);
        out.append('\n');
    }

    private void bounds(StringBuilder out, int batchSize) {
        List<ModelPerf> bounded = report.models().stream().filter(r -> r.ok() && r.bounds() != null).toList();
        if (bounded.isEmpty()) {
            return;
        }
        heading(out, String.format(Locale.ROOT, "What bounds a training step (batch %d): the step's time at each"
                + " limit alone, ms", batchSize));
        TextTable bounds = new TextTable("model", "engine", "step ms", "compute ms", "memory ms", "bytes/step",
                "dispatch ms", "bound by", "step / bound");
        for (ModelPerf r : bounded) {
            StepBounds b = r.bounds();
            Long bytesPerStep = r.ops().bytesPerStep();
            bounds.add(r.label(), r.engine(), millis(b.stepMilliseconds()), millis(b.computeMilliseconds()),
                    millis(b.memoryMilliseconds()), bytes(bytesPerStep == null ? 0 : bytesPerStep),
                    millis(b.dispatchMilliseconds()), b.bound().isEmpty() ? "-" : b.bound(),
                    b.stepOverBound() == null ? "-" : String.format(Locale.ROOT, "%.2fx", b.stepOverBound()));
        }
        table(out, bounds);
        out.append('\n');
    }

    private void hottestOps(StringBuilder out) {
        List<ModelPerf> profiled = report.models().stream().filter(r -> r.ok() && !r.ops().hottest().isEmpty())
                .toList();
        if (profiled.isEmpty()) {
            return;
        }
        heading(out, "Where one profiled training step spends its time: the slowest top-level ops (share of the"
                + " summed op time; calls)");
        TextTable hot = new TextTable("model", "engine", "op time ms", "slowest ops");
        for (ModelPerf r : profiled) {
            double total = r.ops().profiledMilliseconds();
            List<String> ops = new ArrayList<>();
            for (OpTime op : r.ops().hottest().subList(0, Math.min(HOT_OPS_SHOWN, r.ops().hottest().size()))) {
                ops.add(String.format(Locale.ROOT, "%s %.0f%% (%d)", shortOpName(op.name()),
                        100 * op.milliseconds() / total, op.calls()));
            }
            hot.add(r.label(), r.engine(), String.format(Locale.ROOT, "%.0f", total), String.join("; ", ops));
        }
        table(out, hot);
        out.append('\n');
    }

    /** Drops the profiler's prefix of autograd nodes, which run the backward pass ("SoftmaxBackward0"). */
    static String shortOpName(String name) {
        String node = "autograd::engine::evaluate_function: ";
        return name.startsWith(node) ? name.substring(node.length()) : name;
    }

    private static String millis(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }
}
