package io.github.lrabench.dataset;

import java.util.SplittableRandom;

/** Seeded permutations (Fisher–Yates over {@link SplittableRandom}); no global random state. */
public final class Permutations {

    private Permutations() {}

    /**
     * Returns a permutation of {@code 0 .. size-1} determined by the seed alone.
     *
     * @param seed the seed
     * @param size the number of elements
     * @return a new array holding each index once
     */
    public static int[] of(long seed, int size) {
        int[] order = identity(size);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Returns {@code 0 .. size-1} in order.
     *
     * @param size the number of elements
     * @return a new array
     */
    public static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * Derives a well-mixed seed from a base seed and a counter (e.g. run seed and epoch).
     *
     * @param seed the base seed
     * @param counter the counter
     * @return a seed that differs for every pair
     */
    public static long derive(long seed, long counter) {
        return new SplittableRandom(seed ^ (counter * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L)).nextLong();
    }
}
