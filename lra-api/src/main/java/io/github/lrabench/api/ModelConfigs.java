package io.github.lrabench.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

/** Selects a provider's configuration block and variant from the whole {@code lra} configuration. */
public final class ModelConfigs {

    private ModelConfigs() {}

    /**
     * Returns {@code lra.models.<id>} with {@code lra.models.<id>.variants.<variant>} on top; a provider without
     * that variant gets its plain block. The {@code variants} subtree itself is removed.
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
        return block.hasPath(variantPath) ? block.getConfig(variantPath).withFallback(plain) : plain;
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

    private static String quoteKey(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
