package io.github.lrabench.api;

import java.util.List;

/** Every problem found while discovering providers, reported together. */
public final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problems, one sentence each. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems, at least one
     */
    public RegistryException(List<String> problems) {
        super(problems.size() + " problem(s) loading model providers:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
