package io.github.lrabench.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A report on a dataset's splits; plain values, ready for JSON, and renderable as text.
 *
 * @param origin where the data came from
 * @param classNames the class names in label order
 * @param splits one entry per split
 */
public record DataInspection(String origin, List<String> classNames, List<SplitStatistics> splits) {

    /** Copies the lists. */
    public DataInspection {
        Objects.requireNonNull(origin, "origin");
        classNames = List.copyOf(classNames);
        splits = List.copyOf(splits);
    }

    /** Returns the report as a plain-text table. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("data: ").append(origin).append('\n').append('\n');
        text.append(String.format(Locale.ROOT, "%-12s %8s %8s %8s %8s %7s %7s %7s %11s%n", "split", "images",
                "mean R", "mean G", "mean B", "std R", "std G", "std B", "mean token"));
        for (SplitStatistics s : splits) {
            text.append(String.format(Locale.ROOT, "%-12s %8d %8.2f %8.2f %8.2f %7.2f %7.2f %7.2f %11.2f%n",
                    s.split(), s.images(), s.channelMean().get(0), s.channelMean().get(1), s.channelMean().get(2),
                    s.channelStd().get(0), s.channelStd().get(1), s.channelStd().get(2), s.meanLraImageToken()));
        }
        text.append('\n').append(String.format(Locale.ROOT, "%-12s", "class"));
        for (SplitStatistics s : splits) {
            text.append(String.format(Locale.ROOT, " %10s", s.split()));
        }
        text.append('\n');
        for (String name : classNames) {
            text.append(String.format(Locale.ROOT, "%-12s", name));
            for (SplitStatistics s : splits) {
                text.append(String.format(Locale.ROOT, " %10d", s.perClass().getOrDefault(name, 0)));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
