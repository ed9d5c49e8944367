package io.github.lrabench.dataset;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds settings for tests: this module's reference.conf with a few keys overridden. */
final class TestSettings {

    private TestSettings() {}

    /** Settings with the data folder in {@code dir}, {@code perFile} records per batch file, no progress bar. */
    static DataSettings of(Path dir, int perFile) {
        return of(dir, perFile, Map.of());
    }

    /** As {@link #of(Path, int)} with further overrides (keys relative to {@code lra.data}). */
    static DataSettings of(Path dir, int perFile, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put("dir", dir.toString());
        values.put("records-per-file", perFile);
        values.put("progress-bar", false);
        values.put("decode-threads", 2);
        values.putAll(overrides);
        Map<String, Object> prefixed = new HashMap<>();
        values.forEach((key, value) -> prefixed.put("lra.data." + key, value));
        return DataSettings.fromConfig(config(prefixed));
    }

    static Config config(Map<String, Object> values) {
        return ConfigFactory.parseMap(values)
                .withFallback(ConfigFactory.defaultReference(TestSettings.class.getClassLoader()))
                .resolve();
    }
}
