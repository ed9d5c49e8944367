package io.github.lrabench.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every problem found in the trials of a suite before any of them trained, each trial named with its own problems
 * (a bad model or training setting, data block or variant, a model that cannot be built). It is a bad input, like
 * any other {@link IllegalArgumentException} of the runner: the command line exits with its configuration-error
 * status.
 */
public final class SuiteValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems of each trial that has any, in the suite's order. */
    private final Map<TrialSpec, List<String>> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems of each trial that has any (at least one), in the suite's order
     * @param trials how many trials were checked, for the message
     */
    public SuiteValidationException(Map<TrialSpec, List<String>> problems, int trials) {
        super(message(problems, trials));
        Map<TrialSpec, List<String>> copy = new LinkedHashMap<>();
        problems.forEach((trial, list) -> copy.put(trial, List.copyOf(list)));
        this.problems = Collections.unmodifiableMap(copy);
    }

    /** Returns the problems of each trial that has any, in the suite's order. */
    public Map<TrialSpec, List<String>> problems() {
        return problems;
    }

    private static String message(Map<TrialSpec, List<String>> problems, int trials) {
        List<String> lines = new ArrayList<>();
        lines.add(problems.size() + " of " + trials + " trial(s) cannot run; nothing was trained:");
        problems.forEach((trial, list) -> {
            lines.add("  trial " + trial.index() + ": " + trial.model() + ", " + trial.protocol() + ", seed "
                    + trial.seed() + " (profile " + trial.profile() + ")");
            list.forEach(problem -> lines.add("    - " + problem));
        });
        return String.join("\n", lines);
    }
}
