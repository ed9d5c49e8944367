package io.github.lrabench.runner;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The clock a trial's budget is counted on ({@code training.budget-clock}).
 *
 * <p>{@link #WALL} counts elapsed time, what a user waits for. {@link #CPU} counts the CPU time of the whole
 * process (every thread: the engine's, the garbage collector's, the compiler's): a trial that shares its cores with
 * other work gets the same amount of computation as on an idle machine, only later, so trials run side by side or
 * on a busy machine stay comparable. With one engine thread a CPU-time budget and a wall-clock budget coincide on an
 * idle machine; with N engine threads a CPU-time budget lasts about 1/N of the wall-clock time. The JVM may report
 * the process's CPU time in the operating system's ticks (10 ms on Linux): fine for budgets of minutes and for
 * calibration windows of seconds, not for sub-second budgets.
 */
public enum BudgetClock {
    /** Elapsed wall-clock time. */
    WALL("wall-clock time"),
    /** The process's CPU time (all threads). */
    CPU("process CPU time");

    private final String description;

    BudgetClock(String description) {
        this.description = description;
    }

    /**
     * Returns the clock's reading in nanoseconds from an arbitrary origin; only differences mean something.
     *
     * @return the reading
     */
    public long nanos() {
        if (this == WALL) {
            return System.nanoTime();
        }
        long cpu = processCpuNanos();
        if (cpu < 0) {
            throw new IllegalStateException("training.budget-clock = cpu, but this JVM does not report the process"
                    + " CPU time; use budget-clock = wall");
        }
        return cpu;
    }

    /**
     * Returns the seconds this clock has advanced since a reading.
     *
     * @param since an earlier {@link #nanos()} of this clock
     * @return the seconds
     */
    public double secondsSince(long since) {
        return (nanos() - since) / 1e9;
    }

    /**
     * Returns what the clock counts, for messages and notes, e.g. {@code process CPU time}.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    static BudgetClock parse(String value, String key, List<String> problems) {
        for (BudgetClock clock : values()) {
            if (clock.name().equalsIgnoreCase(value)) {
                if (clock == CPU && processCpuNanos() < 0) {
                    problems.add(key + " = cpu, but this JVM does not report the process CPU time; use wall");
                }
                return clock;
            }
        }
        problems.add(key + " must be wall or cpu but was " + value);
        return WALL;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
