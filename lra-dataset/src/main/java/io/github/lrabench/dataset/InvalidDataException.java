package io.github.lrabench.dataset;

import java.io.IOException;

/** A data file or folder that does not hold what it should; the message names the file and what was expected. */
public class InvalidDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the file and what was expected
     */
    public InvalidDataException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message names the file and what was expected
     * @param cause the underlying failure
     */
    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
