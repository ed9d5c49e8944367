package io.github.lrabench.runner.perf;

/** Counts and times the operators an engine dispatches while a piece of work runs. */
interface OpCounter {

    /**
     * Runs the work and tallies the operators it dispatched.
     *
     * @param work the work, run once
     * @return the number of top-level operator calls and their time per op name
     * @throws IllegalStateException when the engine's profiler fails
     */
    OpTally tally(Runnable work);

    /** Returns how the count is made, for the report. */
    String method();
}
