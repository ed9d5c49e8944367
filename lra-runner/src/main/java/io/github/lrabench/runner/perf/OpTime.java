package io.github.lrabench.runner.perf;

/**
 * The time one kind of top-level op took in a profiled training step.
 *
 * @param name the op's name as the engine's profiler reports it (an ATen call or an autograd node)
 * @param calls how many top-level calls of it the step made
 * @param milliseconds their summed duration, profiler overhead included
 */
public record OpTime(String name, long calls, double milliseconds) {

    /**
     * Adds another tally of the same op.
     *
     * @param other calls and time of the same op name
     * @return the summed calls and time
     */
    OpTime plus(OpTime other) {
        return new OpTime(name, calls + other.calls(), milliseconds + other.milliseconds());
    }
}
