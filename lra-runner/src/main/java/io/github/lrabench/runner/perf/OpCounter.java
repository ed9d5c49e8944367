package io.github.lrabench.runner.perf;

/** Counts the operators an engine dispatches while a piece of work runs. */
interface OpCounter {

    /**
     * Runs the work and counts the operators it dispatched.
     *
     * @param work the work, run once
     * @return the number of top-level operator calls
     * @throws IllegalStateException when the engine's profiler fails
     */
    long count(Runnable work);

    /** Returns how the count is made, for the report. */
    String method();
}
