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
 * @param meanMinutes mean wall-clock minutes per trial
 * @param meanSteps mean steps completed
 * @param failureReasons the reasons of failed seeds, joined
 */
public record SummaryRow(String model, String family, String protocol, String profile, double budgetMinutes,
        Double paperAccuracy, String paperTask, Double predecessorAccuracy, int seeds, int failed,
        Double meanTestAtBest, double stdTestAtBest, Double meanTestFinal, Double meanBestValidation,
        Long parameters, double samplesPerSecond, double meanMinutes, double meanSteps, String failureReasons) {}
