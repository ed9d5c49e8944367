package io.github.lrabench.runner;

import io.github.lrabench.api.PluginJar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tells whether the jars a finished result recorded are the jars a model comes from now. */
final class PluginChange {

    private PluginChange() {}

    /**
     * Describes how the jars changed.
     *
     * @param recorded the jars the result's provenance names
     * @param current the jars loaded now
     * @return empty when the same jars (by file name and SHA-256) are loaded, else a sentence naming each change
     */
    static Optional<String> describe(List<PluginJar> recorded, List<PluginJar> current) {
        Map<String, String> before = byName(recorded);
        Map<String, String> now = byName(current);
        if (before.equals(now)) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String> jar : now.entrySet()) {
            String old = before.get(jar.getKey());
            if (old == null) {
                changes.add("plugin jar " + jar.getKey() + " was not recorded (sha256 now " + shortSha(jar.getValue())
                        + ")");
            } else if (!old.equals(jar.getValue())) {
                changes.add("plugin jar " + jar.getKey() + " changed since the trial finished (sha256 "
                        + shortSha(old) + " then, " + shortSha(jar.getValue()) + " now)");
            }
        }
        for (String gone : before.keySet()) {
            if (!now.containsKey(gone)) {
                changes.add("plugin jar " + gone + " recorded by the trial is no longer loaded");
            }
        }
        return Optional.of(String.join("; ", changes));
    }

    /** Jars keyed by file name, so that a plugins folder moved or copied to another machine still matches. */
    private static Map<String, String> byName(List<PluginJar> jars) {
        Map<String, String> map = new TreeMap<>();
        for (PluginJar jar : jars) {
            map.put(java.nio.file.Path.of(jar.path()).getFileName().toString(), jar.sha256());
        }
        return map;
    }

    private static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }
}
