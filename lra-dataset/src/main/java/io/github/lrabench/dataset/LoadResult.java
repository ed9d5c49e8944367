package io.github.lrabench.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a load: the data and how it was obtained.
 *
 * @param data the decoded dataset
 * @param fromCache whether the decode cache supplied it
 * @param elapsed the wall time of the load (fingerprint, download, decode and cache write included)
 * @param cacheFile the cache file read or written; empty when the cache is off
 */
public record LoadResult(CifarData data, boolean fromCache, Duration elapsed, Optional<Path> cacheFile) {

    /** Checks for nulls. */
    public LoadResult {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(cacheFile, "cacheFile");
    }
}
