package io.github.lrabench.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import java.net.URL;
import java.util.Map;

/**
 * Selects a provider's configuration block and variant from the whole {@code lra} configuration.
 *
 * <p>Layering is by origin, lowest first: the reference defaults ({@code lra.models.<id>} from a {@code
 * reference.conf}), the reference variant ({@code lra.models.<id>.variants.<variant>} from a {@code
 * reference.conf}), then the user's own settings ({@code --config}, {@code application.conf}, {@code -D}, command
 * line options) at either level, a user's variant key above a user's plain key. So a user's {@code
 * lra.models.fnet.hidden-size} beats the reference's {@code variants.cpu.hidden-size}. A value comes from a
 * reference when its origin is a class-path resource named {@code reference.conf} or a {@code reference.conf}
 * inside a jar (plugin jars).
 */
public final class ModelConfigs {

    private static final String REFERENCE = "reference.conf";

    private ModelConfigs() {}

    /**
     * Returns {@code lra.models.<id>} with {@code lra.models.<id>.variants.<variant>} on top, and the user's own
     * settings of either level on top of both; a provider without that variant gets its plain block. The {@code
     * variants} subtree itself is removed.
     *
     * @param root the resolved configuration holding {@code lra.models}
     * @param id the provider id
     * @param variant the variant name, e.g. {@code paper} or {@code cpu}
     * @return the provider's effective configuration
     * @throws ConfigException.Missing when {@code lra.models.<id>} does not exist
     */
    public static Config forVariant(Config root, String id, String variant) {
        String path = "lra.models." + quoteKey(id);
        if (!root.hasPath(path)) {
            throw new ConfigException.Missing(root.origin(), path);
        }
        Config block = root.getConfig(path);
        Config plain = block.withoutPath("variants");
        String variantPath = "variants." + quoteKey(variant);
        Config chosen = block.hasPath(variantPath) ? block.getConfig(variantPath) : ConfigFactory.empty();
        return userSettings(chosen)
                .withFallback(userSettings(plain))
                .withFallback(chosen)
                .withFallback(plain);
    }

    /**
     * Returns whether the provider's block declares the variant.
     *
     * @param root the resolved configuration
     * @param id the provider id
     * @param variant the variant name
     * @return true when {@code lra.models.<id>.variants.<variant>} exists
     */
    public static boolean hasVariant(Config root, String id, String variant) {
        return root.hasPath("lra.models." + quoteKey(id) + ".variants." + quoteKey(variant));
    }

    /**
     * Returns whether a value was set by a {@code reference.conf} (a class-path resource of that name, or the
     * {@code reference.conf} inside a plugin jar) rather than by the user.
     *
     * @param origin the value's origin
     * @return true for reference defaults
     */
    public static boolean isReference(ConfigOrigin origin) {
        if (origin == null) {
            return false;
        }
        if (REFERENCE.equals(origin.resource())) {
            return true;
        }
        URL url = origin.url();
        return url != null && "jar".equals(url.getProtocol()) && url.getPath().endsWith("!/" + REFERENCE);
    }

    /** The leaves of a block that the user set (not from a reference.conf), at the same paths. */
    private static Config userSettings(Config block) {
        Config user = ConfigFactory.empty();
        for (Map.Entry<String, ConfigValue> leaf : block.entrySet()) {
            if (!isReference(leaf.getValue().origin())) {
                user = user.withValue(leaf.getKey(), leaf.getValue());
            }
        }
        return user;
    }

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
