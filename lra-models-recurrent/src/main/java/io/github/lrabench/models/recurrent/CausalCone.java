package io.github.lrabench.models.recurrent;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The positions each TrellisNet level must compute so that the last level's state at the last step is exact.
 *
 * <p>Level {@code i} with dilation {@code d_i} computes {@code z_t, c_t} from the previous level's {@code z} and
 * {@code c} at {@code t} and {@code t - d_i} (and the input at both). So, from the top: the last level needs {@code
 * {L - 1}}, and level {@code i - 1} needs {@code S_i ∪ (S_i - d_i)} (positions below 0 are the zero initial state).
 * With dilations 1, 2, …, 512 at L = 1024 level {@code j} needs {@code 1024 / 2^(j+1)} positions: 1,023
 * level-positions instead of 10,240.
 *
 * <p>For each level it holds the positions (ascending) and, for each of them, the index of {@code t} and of {@code
 * t - d} in the previous level's positions (level 0: in the input, i.e. the position itself); {@code -1} marks the
 * zero initial state.
 */
final class CausalCone {

    private final long[][] positions;
    private final long[][] current;
    private final long[][] shifted;

    private CausalCone(long[][] positions, long[][] current, long[][] shifted) {
        this.positions = positions;
        this.current = current;
        this.shifted = shifted;
    }

    /**
     * Computes the cone of the last step.
     *
     * @param config the levels and their dilations
     * @param length L
     * @return the cone
     */
    static CausalCone ofLastStep(TrellisNetConfig config, int length) {
        int levels = config.numLevels();
        long[][] positions = new long[levels][];
        TreeSet<Long> needed = new TreeSet<>();
        needed.add(length - 1L);
        for (int level = levels - 1; level >= 0; level--) {
            positions[level] = needed.stream().mapToLong(Long::longValue).toArray();
            TreeSet<Long> below = new TreeSet<>(needed);
            int d = config.dilation(level);
            for (long t : needed) {
                if (t - d >= 0) {
                    below.add(t - d);
                }
            }
            needed = below;
        }
        long[][] current = new long[levels][];
        long[][] shifted = new long[levels][];
        for (int level = 0; level < levels; level++) {
            int d = config.dilation(level);
            long[] here = positions[level];
            current[level] = new long[here.length];
            shifted[level] = new long[here.length];
            for (int i = 0; i < here.length; i++) {
                current[level][i] = indexBelow(positions, level, here[i]);
                shifted[level][i] = here[i] - d < 0 ? -1 : indexBelow(positions, level, here[i] - d);
            }
        }
        return new CausalCone(positions, current, shifted);
    }

    private static long indexBelow(long[][] positions, int level, long t) {
        if (level == 0) {
            return t;
        }
        int index = Arrays.binarySearch(positions[level - 1], t);
        if (index < 0) {
            throw new IllegalStateException("position " + t + " missing from level " + (level - 1));
        }
        return index;
    }

    /** Returns how many positions a level computes. */
    int size(int level) {
        return positions[level].length;
    }

    /** Returns the positions a level computes, ascending (a copy). */
    long[] positions(int level) {
        return positions[level].clone();
    }

    /** Returns, per position of a level, the index of {@code t} in the level below (level 0: in the input). */
    long[] current(int level) {
        return current[level].clone();
    }

    /** Returns, per position of a level, the index of {@code t - d} in the level below, or -1 for the zero state. */
    long[] shifted(int level) {
        return shifted[level].clone();
    }

    /** Returns the level-positions computed over all levels. */
    long total() {
        long sum = 0;
        for (long[] level : positions) {
            sum += level.length;
        }
        return sum;
    }
}
