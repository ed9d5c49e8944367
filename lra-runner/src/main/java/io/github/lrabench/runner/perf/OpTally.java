package io.github.lrabench.runner.perf;

import java.util.ArrayList;
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
        Map<String, long[]> calls = new HashMap<>();
        Map<String, Double> millis = new HashMap<>();
        long count = 0;
        long bytes = 0;
        for (OpTally part : parts) {
            count += part.count();
            bytes += part.bytes();
            for (OpTime op : part.byName()) {
                calls.computeIfAbsent(op.name(), n -> new long[1])[0] += op.calls();
                millis.merge(op.name(), op.milliseconds(), Double::sum);
            }
        }
        List<OpTime> ops = new ArrayList<>();
        millis.forEach((name, ms) -> ops.add(new OpTime(name, calls.get(name)[0], ms)));
        return new OpTally(count, bytes, ops);
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
