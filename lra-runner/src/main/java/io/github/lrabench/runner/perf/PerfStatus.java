package io.github.lrabench.runner.perf;

/** The status words of {@code lra perf} rows. */
public final class PerfStatus {

    /** Measured. */
    public static final String OK = "ok";

    /** Not applicable: the provider rejects this task or length, or the engine lacks a feature it needs. */
    public static final String NOT_APPLICABLE = "n/a";

    /** The measurement failed unexpectedly. */
    public static final String FAILED = "failed";

    private PerfStatus() {}
}
