package io.github.lrabench.models.fourier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;

/** Small FNet configurations that keep the tests fast. */
final class TestConfigs {

    private TestConfigs() {}

    /** Returns a tiny configuration (d = 8, 1 layer, CLS pooling) with the given mixing mode. */
    static Config tiny(String mixing) {
        return ConfigFactory.parseString("""
                hidden-size = 8
                num-layers = 1
                ffn-size = 16
                head-size = 8
                dropout = 0.1
                layer-norm-epsilon = 1e-12
                cls-token = true
                pooling = cls
                mixing = %s
                """.formatted(mixing));
    }

    /** Returns the tiny configuration with one key replaced. */
    static Config tinyWith(String key, Object value) {
        return tiny("auto").withValue(key, com.typesafe.config.ConfigValueFactory.fromAnyRef(value));
    }

    /** Returns a variant of {@code lra.models.fnet} from the reference.conf files on the class path. */
    static Config variant(String name) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), FNetProvider.ID, name);
    }
}
