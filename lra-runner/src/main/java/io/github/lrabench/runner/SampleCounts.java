package io.github.lrabench.runner;

/**
 * How many sequences a trial trained on and scored: what turns a step count into epochs and an accuracy into an
 * interval.
 *
 * @param trainingSamplesSeen training sequences fed to the optimiser over the whole trial (steps × batch size, across
 *     resumes)
 * @param trainSize the training split's size
 * @param validationSize the validation split's size
 * @param testSize the test split's size (the sequences each test accuracy was counted over)
 */
public record SampleCounts(long trainingSamplesSeen, int trainSize, int validationSize, int testSize) {

    /** Checks the counts. */
    public SampleCounts {
        if (trainingSamplesSeen < 0 || trainSize < 0 || validationSize < 0 || testSize < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "sample counts must not be negative: trainingSamplesSeen=%d, trainSize=%d, validationSize=%d,"
                            + " testSize=%d", trainingSamplesSeen, trainSize, validationSize, testSize));
        }
    }

    /**
     * Returns the epochs seen: training samples seen ÷ training-set size.
     *
     * @return the epochs, or NaN for an empty training split
     */
    public double epochsSeen() {
        return trainSize == 0 ? Double.NaN : (double) trainingSamplesSeen / trainSize;
    }
}
