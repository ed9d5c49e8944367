package io.github.lrabench.dataset;

import java.io.IOException;

/**
 * The data could not be obtained: no local copy was given and the download is switched off, failed, was refused or
 * did not match its checksum. The message says how to point at a local copy.
 */
public class DataUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and how to give a local copy instead
     */
    public DataUnavailableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what failed and how to give a local copy instead
     * @param cause the underlying failure
     */
    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
