package io.github.lrabench.runner.perf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Optional;

/**
 * Finds a model's exact shortcuts in its resolved configuration block: the {@linkplain PerfSettings#pathKeys() path
 * keys} it sets to {@code auto}, and the same block with all of them forced to {@code full}. The runner names no
 * model; it reads only these keys.
 */
final class PathChoice {

    /** The value that lets a model take its exact shortcuts. */
    static final String AUTO = "auto";

    /** The value that forces the full computation. */
    static final String FULL = "full";

    private PathChoice() {}

    /**
     * Returns the block with every path key that is {@code auto} forced to {@code full}, or empty when the block
     * sets none of them to {@code auto}.
     *
     * @param modelConfig the model's resolved block ({@code lra.models.<id>} with its variant)
     * @param pathKeys the keys to look at
     * @return the forced block, or empty
     */
    static Optional<Config> forcedFull(Config modelConfig, List<String> pathKeys) {
        Config forced = modelConfig;
        boolean any = false;
        for (String key : pathKeys) {
            if (modelConfig.hasPath(key) && AUTO.equalsIgnoreCase(modelConfig.getString(key))) {
                forced = forced.withValue(key, ConfigValueFactory.fromAnyRef(FULL));
                any = true;
            }
        }
        return any ? Optional.of(forced) : Optional.empty();
    }
}
