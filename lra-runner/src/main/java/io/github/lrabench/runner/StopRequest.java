package io.github.lrabench.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request from outside the training loop (a shutdown hook on SIGTERM or Ctrl-C, or a caller) to stop a suite at
 * the next step boundary. The loop then writes a checkpoint of that step and ends the trial without a result, so
 * that re-running the command resumes exactly there; the requester can wait until that is done.
 */
public final class StopRequest {

    private volatile boolean requested;
    private final CountDownLatch done = new CountDownLatch(1);

    /** Asks the loop to stop at its next step boundary. */
    public void request() {
        requested = true;
    }

    /**
     * Tells whether a stop was requested.
     *
     * @return true once {@link #request()} was called
     */
    public boolean isRequested() {
        return requested;
    }

    /** Called by the suite when it has stopped, by any route, so that a waiting requester goes on. */
    void stopped() {
        done.countDown();
    }

    /**
     * Requests a stop and waits until the suite has stopped (its checkpoint written) or the time is up.
     *
     * @param seconds the longest wait
     * @return true when the suite stopped in time
     */
    public boolean requestAndAwait(double seconds) {
        request();
        try {
            return done.await(Math.round(seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Thrown out of a suite stopped on request, after the running trial's checkpoint was written. */
    public static final class StoppedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StoppedException(String message) {
            super(message);
        }
    }
}
