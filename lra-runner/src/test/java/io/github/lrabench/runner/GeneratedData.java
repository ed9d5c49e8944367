package io.github.lrabench.runner;

import io.github.lrabench.api.TaskSpec;
import java.util.Random;

/** Learnable generated sequences for loop tests: the label shifts every token (or feature) of a sequence. */
final class GeneratedData implements TrialDataSource {

    private final TaskSpec task;

    GeneratedData(TaskSpec task) {
        this.task = task;
    }

    @Override
    public TrialData load(TrialSpec trial) {
        return new TrialData(split(128, 1), split(48, 2), split(48, 3), "generated for tests",
                java.util.stream.IntStream.range(0, task.numClasses()).mapToObj(i -> "class" + i).toList());
    }

    private LabeledSequences split(int size, long seed) {
        Random random = new Random(seed);
        int perSample = task.sequenceLength() * task.channels();
        int[] labels = new int[size];
        int[] tokens = task.isTokenInput() ? new int[size * perSample] : null;
        float[] features = task.isTokenInput() ? null : new float[size * perSample];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(task.numClasses());
            for (int j = 0; j < perSample; j++) {
                int k = i * perSample + j;
                if (tokens != null) {
                    tokens[k] = Math.min(255, labels[i] * 25 + random.nextInt(20));
                } else {
                    features[k] = labels[i] * 0.3f + (float) random.nextGaussian() * 0.2f;
                }
            }
        }
        return new LabeledSequences(task, tokens, features, labels);
    }
}
