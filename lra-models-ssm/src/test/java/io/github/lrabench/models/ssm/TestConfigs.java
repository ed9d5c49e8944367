package io.github.lrabench.models.ssm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.github.lrabench.api.ModelConfigs;

/** Small S4D configurations that keep the tests fast. */
final class TestConfigs {

    private TestConfigs() {}

    /** Returns a tiny configuration: H = 8, 2 layers, N = 8, pre-norm. */
    static Config tiny() {
        return ConfigFactory.parseString("""
                d-model = 8
                num-layers = 2
                state-size = 8
                dropout = 0.1
                dt-min = 0.001
                dt-max = 0.1
                prenorm = true
                layer-norm-epsilon = 1e-5
                ssm-learning-rate = 0.001
                ssm-weight-decay = false
                """);
    }

    /** Returns the tiny configuration with one key replaced. */
    static Config tinyWith(String key, Object value) {
        return tiny().withValue(key, ConfigValueFactory.fromAnyRef(value));
    }

    /** Returns a variant of {@code lra.models.s4d} from the reference.conf files on the class path. */
    static Config variant(String name) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), S4DProvider.ID, name);
    }
}
