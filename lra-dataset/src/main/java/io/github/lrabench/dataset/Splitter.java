package io.github.lrabench.dataset;

import java.util.Arrays;

/** Divides a dataset into train, validation and test splits, as a {@link SplitSpec} says. */
public final class Splitter {

    private Splitter() {}

    /**
     * Splits the training set into train and validation images and applies the caps.
     *
     * <p>Contiguous: validation is the last {@code round(n × fraction)} images in source order, train the rest
     * (45,000 / 5,000 for CIFAR-10 with 0.1). Random: a seeded permutation picks the validation images; both subsets
     * keep source order. Test is the whole test set. Caps keep the first images of each class (see {@link
     * #capBalanced}).
     *
     * @param data the decoded dataset
     * @param spec how to split
     * @return the three splits
     */
    public static DataSplits split(CifarData data, SplitSpec spec) {
        ImageArray all = data.train();
        int n = all.size();
        int validationCount = (int) Math.round(n * spec.validationFraction());
        int trainCount = n - validationCount;
        ImageArray train;
        ImageArray validation;
        if (spec.validation() == ValidationSplit.CONTIGUOUS) {
            train = all.range(0, trainCount);
            validation = all.range(trainCount, n);
        } else {
            int[] order = Permutations.of(spec.seed(), n);
            int[] validationIndices = Arrays.copyOfRange(order, 0, validationCount);
            int[] trainIndices = Arrays.copyOfRange(order, validationCount, n);
            Arrays.sort(validationIndices);
            Arrays.sort(trainIndices);
            train = all.select(trainIndices);
            validation = all.select(validationIndices);
        }
        int classes = data.numClasses();
        SplitCaps caps = spec.caps();
        return new DataSplits(
                capBalanced(train, caps.train(), classes),
                capBalanced(validation, caps.validation(), classes),
                capBalanced(data.test(), caps.test(), classes),
                data.classNames(),
                data.origin());
    }

    /**
     * Keeps at most {@code max} images, as evenly over the classes as the data allows, taking each class's first
     * images in order. Each class gets {@code max / classes} (the first {@code max % classes} classes one more); what
     * a short class cannot fill goes to the following classes in class order. The kept images stay in source order.
     * The result depends only on the input, not on any random state.
     *
     * @param images the images
     * @param max the most images to keep, {@code >= 1}
     * @param numClasses the number of classes
     * @return the images themselves when {@code max >= size}, else the selection
     */
    public static ImageArray capBalanced(ImageArray images, int max, int numClasses) {
        if (max >= images.size()) {
            return images;
        }
        int[] available = images.classCounts(numClasses);
        int[] quota = new int[numClasses];
        int left = max;
        // hand out one image per class per round until the cap is used; short classes drop out
        while (left > 0) {
            boolean gave = false;
            for (int c = 0; c < numClasses && left > 0; c++) {
                if (quota[c] < available[c]) {
                    quota[c]++;
                    left--;
                    gave = true;
                }
            }
            if (!gave) {
                break;
            }
        }
        int[] indices = new int[max - left];
        int[] taken = new int[numClasses];
        int next = 0;
        for (int i = 0; i < images.size() && next < indices.length; i++) {
            int label = images.label(i);
            if (taken[label] < quota[label]) {
                taken[label]++;
                indices[next++] = i;
            }
        }
        return images.select(indices);
    }
}
