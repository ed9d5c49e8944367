package io.github.lrabench.models.baseline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;

/** Small configurations that keep the tests fast, and the variants of the reference.conf files. */
final class TestConfigs {

    private TestConfigs() {}

    /** A tiny bag-of-pixels. */
    static Config tinyBag() {
        return ConfigFactory.parseString("embedding-size = 8, hidden-size = 8");
    }

    /** A tiny plain CNN for the 4×4 grids of the conformance tasks: 4×4 stem, 2×2 and 1×1 stages. */
    static Config tinyPlainCnn() {
        return ConfigFactory.parseString("""
                stem-channels = 4
                stage-channels = [6, 8]
                stage-downsampling = [2, 2]
                blocks-per-stage = 1
                residual = false
                downsample = max-pool
                norm-groups = 2
                norm-epsilon = 1e-5
                """);
    }

    /** A tiny ResNet (two basic blocks per stage, strided, option-A shortcuts). */
    static Config tinyResidualCnn() {
        return ConfigFactory.parseString("""
                stem-channels = 4
                stage-channels = [4, 8]
                stage-downsampling = [1, 2]
                blocks-per-stage = 2
                residual = true
                downsample = stride
                norm-groups = 2
                norm-epsilon = 1e-5
                """);
    }

    /** Returns a variant of {@code lra.models.<id>} from the reference.conf files on the class path. */
    static Config variant(String id, String name) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), id, name);
    }
}
