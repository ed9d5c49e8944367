package io.github.lrabench.runner.perf;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level ops a piece of work dispatched: how many, and the time per op name.
 *
 * @param count the number of top-level op calls
 * @param bytes the bytes the innermost ops (the kernels) read and wrote, an estimate; 0 when unknown
 * @param byName time and calls per op name, in no particular order
 */
record OpTally(long count, long bytes, List<OpTime> byName) {

    OpTally {
        byName = List.copyOf(byName);
    }

    /**
     * Adds the tallies of several pieces of work (forward, backward, update) together.
     *
     * @param parts the tallies
     * @return their sum, per op name
     */
    static OpTally sum(List<OpTally> parts) {
        Map<String, OpTime> byName = new HashMap<>();
        long count = 0;
        long bytes = 0;
        for (OpTally part : parts) {
            count += part.count();
            bytes += part.bytes();
            for (OpTime op : part.byName()) {
                byName.merge(op.name(), op, OpTime::plus);
            }
        }
        return new OpTally(count, bytes, List.copyOf(byName.values()));
    }

    /**
     * Returns the ops that took longest, longest first.
     *
     * @param limit how many at most
     * @return the hottest ops
     */
    List<OpTime> hottest(int limit) {
        return byName.stream().sorted(Comparator.comparingDouble(OpTime::milliseconds).reversed()
                .thenComparing(OpTime::name)).limit(limit).toList();
    }

    /** Returns the summed duration of every top-level op, in milliseconds. */
    double milliseconds() {
        return byName.stream().mapToDouble(OpTime::milliseconds).sum();
    }
}
