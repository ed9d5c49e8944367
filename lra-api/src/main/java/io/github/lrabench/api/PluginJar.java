package io.github.lrabench.api;

import java.util.Objects;

/**
 * One jar of a plugin, as loaded: enough to tell whether a result was produced by the jar that is there now.
 *
 * @param path the jar's absolute path
 * @param sha256 the SHA-256 of the jar's bytes, lowercase hex
 * @param implementationVersion the {@code Implementation-Version} of the jar's manifest, or an empty string when it
 *     has none
 * @param pluginsFolder the plugins folder it was loaded from (the {@code --plugins} of the run), absolute
 */
public record PluginJar(String path, String sha256, String implementationVersion, String pluginsFolder) {

    /** Checks that every component is present. */
    public PluginJar {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        implementationVersion = implementationVersion == null ? "" : implementationVersion;
        pluginsFolder = pluginsFolder == null ? "" : pluginsFolder;
    }
}
