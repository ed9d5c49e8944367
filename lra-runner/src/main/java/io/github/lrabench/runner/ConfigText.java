package io.github.lrabench.runner;

import java.util.List;

/** Compares two renderings of a configuration for a person to read. */
final class ConfigText {

    private ConfigText() {}

    /**
     * Names the first line where two renderings differ.
     *
     * @param before the earlier rendering
     * @param after the later rendering
     * @return e.g. {@code "learning-rate=0.001" became "learning-rate=0.002"}, or a remark that they are equal
     */
    static String firstDifference(String before, String after) {
        List<String> a = before.lines().map(String::strip).toList();
        List<String> b = after.lines().map(String::strip).toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(nothing)";
            String y = i < b.size() ? b.get(i) : "(nothing)";
            if (!x.equals(y)) {
                return "\"" + x + "\" became \"" + y + "\"";
            }
        }
        return "the renderings are equal";
    }
}
