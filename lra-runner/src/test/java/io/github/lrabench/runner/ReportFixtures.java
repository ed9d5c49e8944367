package io.github.lrabench.runner;

import java.util.List;

/** Small generated results for report tests. */
final class ReportFixtures {

    private ReportFixtures() {}

    /**
     * A completed trial of 100 steps of batch 8 (800 samples) over a 400-sequence training split and a
     * 2,500-sequence test split, with two evaluations.
     */
    static RunResult result(String model, String family, String protocol, int seed, double testAtBest,
            String commit) {
        return result(model, family, protocol, seed, testAtBest, commit, new SampleCounts(800, 400, 100, 2_500));
    }

    /** The same with other sample counts (null: a result written before they were recorded). */
    static RunResult result(String model, String family, String protocol, int seed, double testAtBest, String commit,
            SampleCounts samples) {
        RunResult s = ResultSchemaTest.sample();
        Provenance p = s.provenance();
        Provenance provenance = new Provenance(p.resolvedConfig(), commit, p.projectVersion(), p.djlVersion(),
                p.engine(), p.engineVersion(), p.jvm(), p.os(), p.cpu(), p.cores(), p.engineThreads(), p.device(),
                p.data(), p.startedAt(), List.of());
        return new RunResult(s.schemaVersion(), new TrialSpec(seed, model, protocol, "cpu", seed), family, "cpu",
                s.protocolVersion(), RunResult.COMPLETED, "", List.of(), 1_000L + model.length(), null, 100, 100, 60,
                false, s.schedule(), 50.0, s.peakMemoryBytes(), 1200, 100, testAtBest, testAtBest, testAtBest,
                testAtBest, List.of(new EvalPoint(50, 300, 2.0, 0.2, testAtBest / 2, 1e-3, null),
                        new EvalPoint(100, 1150, 1.5, 0.3, testAtBest, 1e-4, null)),
                null, provenance, samples);
    }

    /** A trial that failed before its first evaluation. */
    static RunResult failed(String model, String family, String protocol, int seed) {
        RunResult r = result(model, family, protocol, seed, 0.5, "0123abc");
        return new RunResult(r.schemaVersion(), r.trial(), family, r.variant(), r.protocolVersion(),
                RunResult.FAILED, "the training loss became NaN at step 3 (diverged)", List.of(), r.parameters(),
                null, 3, 100, 60, false, r.schedule(), 50.0, r.peakMemoryBytes(), 30, null, null, null, null, null,
                List.of(), null, r.provenance(), r.samples());
    }
}
