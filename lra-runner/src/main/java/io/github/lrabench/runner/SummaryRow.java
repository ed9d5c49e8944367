package io.github.lrabench.runner;

/**
 * One line of the suite summary: a model under a protocol, aggregated over its seeds.
 *
 * @param model the provider id
 * @param family its family
 * @param protocol the protocol
 * @param profile the profile
 * @param budgetMinutes the per-trial budget
 * @param paperAccuracy the published accuracy in percent, or null
 * @param paperTask the task the published number refers to, or empty
 * @param predecessorAccuracy the predecessor project's accuracy in percent, or null
 * @param seeds the number of completed seeds
 * @param failed the number of failed seeds
 * @param meanTestAtBest mean test accuracy at best validation, percent, or null when none completed
 * @param stdTestAtBest sample standard deviation of that over seeds (0 for one seed), percent
 * @param meanTestFinal mean test accuracy at the final step, percent, or null
 * @param meanBestValidation mean best validation accuracy, percent, or null
 * @param parameters trainable parameters, or null
 * @param samplesPerSecond mean training samples/s
 * @param meanMinutes mean minutes per trial on its budget clock ({@link RunResult#budgetClockSeconds()})
 * @param meanSteps mean steps completed
 * @param failureReasons the reasons of failed seeds, joined
 * @param versusLinear whether the row is above the {@code linear} reference row of its protocol and profile beyond
 *     the 95% intervals (see {@link LinearComparison}): {@code above}, {@code below}, {@code within interval},
 *     {@code reference row} for rows of family {@code reference}, {@code -} without a linear row
 * @param pluginsFolder the plugins folder the model's jar was loaded from, empty for a model on the class path
 * @param interval the 95% interval of {@code meanTestAtBest} (see {@link AccuracyInterval}), or null when there is
 *     none (no completed seed, or one seed without a recorded test-set size)
 * @param epochsSeen mean over completed seeds of training samples seen ÷ training-set size, or null when no seed
 *     recorded them
 * @param commits the short git commits the row's seeds ran at; with several, each followed by its seeds
 */
public record SummaryRow(String model, String family, String protocol, String profile, double budgetMinutes,
        Double paperAccuracy, String paperTask, Double predecessorAccuracy, int seeds, int failed,
        Double meanTestAtBest, double stdTestAtBest, Double meanTestFinal, Double meanBestValidation,
        Long parameters, double samplesPerSecond, double meanMinutes, double meanSteps, String failureReasons,
        String versusLinear, String pluginsFolder, AccuracyInterval interval, Double epochsSeen, String commits) {

    /** Returns whether this is a reference row (family {@code reference}) rather than a sequence model. */
    public boolean isReference() {
        return LinearComparison.REFERENCE_FAMILY.equals(family);
    }

    /**
     * Returns this row with its comparison with the linear row.
     *
     * @param verdict the comparison
     * @return the row
     */
    SummaryRow withVersusLinear(String verdict) {
        return new SummaryRow(model, family, protocol, profile, budgetMinutes, paperAccuracy, paperTask,
                predecessorAccuracy, seeds, failed, meanTestAtBest, stdTestAtBest, meanTestFinal, meanBestValidation,
                parameters, samplesPerSecond, meanMinutes, meanSteps, failureReasons, verdict, pluginsFolder, interval,
                epochsSeen, commits);
    }
}
