package io.github.lrabench.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** Engine access by name, and waiting for an engine's queued work. */
final class Engines {

    private Engines() {}

    /**
     * Opens a base manager of a named engine, after seeding the engine's random generator.
     *
     * @param engine the engine name, e.g. {@code PyTorch}
     * @param seed the seed
     * @return the manager
     */
    static NDManager open(String engine, int seed) {
        Engine djl = Engine.getEngine(engine);
        djl.setRandomSeed(seed);
        return djl.newBaseManager();
    }

    /**
     * Blocks until every op queued on the engine has finished: DJL MXNet runs ops asynchronously, DJL PyTorch on a
     * CPU synchronously.
     *
     * @param engine the engine name
     */
    static void waitAll(String engine) {
        if ("MXNet".equals(engine)) {
            ai.djl.mxnet.jna.JnaUtils.waitAll();
        }
    }
}
