package io.github.lrabench.runner.perf;

import java.util.Optional;

/**
 * What {@code lra perf} needs from an engine beyond DJL's common API: waiting for queued work (DJL MXNet runs ops
 * asynchronously; DJL PyTorch on a CPU does not) and counting the ops of a step (only DJL PyTorch exposes a
 * profiler). Engine classes are touched only for their own engine.
 */
final class EngineHooks {

    private EngineHooks() {}

    /**
     * Blocks until every op queued on the engine has finished, so that a timer stopped afterwards covers them.
     *
     * @param engine the engine name
     */
    static void synchronize(String engine) {
        if ("MXNet".equals(engine)) {
            MxNetSync.waitAll();
        }
    }

    /**
     * Returns the engine's op counter, or empty when DJL does not expose one for it.
     *
     * @param engine the engine name
     * @return the counter
     */
    static Optional<OpCounter> opCounter(String engine) {
        return "PyTorch".equals(engine) ? Optional.of(new PyTorchOpCounter()) : Optional.empty();
    }

    /** Calls DJL MXNet's {@code MXNDArrayWaitAll}. */
    private static final class MxNetSync {
        private MxNetSync() {}

        static void waitAll() {
            ai.djl.mxnet.jna.JnaUtils.waitAll();
        }
    }
}
