package io.github.lrabench.runner.perf;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;

/**
 * What {@code lra perf} needs from an engine beyond DJL's common API: waiting for queued work (DJL MXNet runs ops
 * asynchronously; DJL PyTorch on a CPU does not, on a GPU it does) and counting the ops of a step (only DJL PyTorch exposes a
 * profiler). Engine classes are touched only for their own engine.
 */
final class EngineHooks {

    private EngineHooks() {}

    /**
     * Blocks until every op queued on the engine has finished, so that a timer stopped afterwards covers them.
     *
     * @param engine the engine name
     * @param device the device the work runs on
     */
    static void synchronize(String engine, Device device) {
        if ("MXNet".equals(engine)) {
            MxNetSync.waitAll();
        } else if (device.isGpu()) {
            // DJL exposes no CUDA synchronize; a copy to the host on the device's (default) stream waits for every
            // kernel queued on it before
            try (NDManager manager = NDManager.newBaseManager(device, engine)) {
                manager.zeros(new Shape(1)).toFloatArray();
            }
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
