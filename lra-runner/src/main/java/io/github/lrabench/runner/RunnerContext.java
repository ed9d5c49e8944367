package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.ModelRegistry;
import io.github.lrabench.api.SequenceClassifier;
import io.github.lrabench.api.TaskSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every runner command starts from: the providers found, the resolved configuration, the selected DJL
 * engine (already applied to this process) and the device ({@code lra.device}, resolved once, on first use, so that
 * commands that train nothing do not load the engine).
 */
public final class RunnerContext implements AutoCloseable {

    private final ModelRegistry registry;
    private final Config config;
    private final String engine;
    private final boolean offline;
    private final DeviceSetting deviceSetting;
    private ai.djl.Device device;

    private RunnerContext(ModelRegistry registry, Config config, String engine, boolean offline,
            DeviceSetting deviceSetting) {
        this.registry = registry;
        this.config = config;
        this.engine = engine;
        this.offline = offline;
        this.deviceSetting = deviceSetting;
    }

    /**
     * Discovers the providers, loads the configuration and applies the engine selection.
     *
     * @param pluginDirectory a folder of plugin jars, or empty
     * @param configFile an application config file, or empty
     * @param overrides command-line values keyed by full configuration path
     * @return the context
     */
    public static RunnerContext open(Optional<Path> pluginDirectory, Optional<Path> configFile,
            Map<String, ?> overrides) {
        ModelRegistry registry = ModelRegistry.load(RunnerContext.class.getClassLoader(), pluginDirectory);
        try {
            Config config = ConfigLoader.load(registry.unresolvedReference(), configFile, overrides);
            boolean offline = config.getBoolean("lra.offline");
            String engine = EngineSetup.apply(config.getString("lra.engine"), offline);
            EngineSetup.applyThreads(config.getString("lra.engine-threads"));
            DeviceSetting device = DeviceSetting.parse(config.getString(DeviceSetting.KEY));
            return new RunnerContext(registry, config, engine, offline, device);
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** Returns the providers found. */
    public ModelRegistry registry() {
        return registry;
    }

    /** Returns the resolved configuration. */
    public Config config() {
        return config;
    }

    /** Returns the canonical name of the selected DJL engine. */
    public String engine() {
        return engine;
    }

    /** Returns the device setting ({@code lra.device}) as configured, not yet resolved. */
    public DeviceSetting deviceSetting() {
        return deviceSetting;
    }

    /**
     * Returns the device of the selected engine: {@code lra.device} resolved against the GPUs the engine sees, on
     * the first call (which loads the engine).
     *
     * @return the device every model, array and manager of this run is placed on
     * @throws IllegalArgumentException when the engine cannot be loaded (naming {@code lra.offline}) or a GPU is
     *     asked for that it does not see (naming {@code lra.device})
     */
    public synchronized ai.djl.Device device() {
        if (device == null) {
            device = device(engine);
        }
        return device;
    }

    /**
     * Resolves {@code lra.device} for one engine ({@code lra perf} measures several in one process).
     *
     * @param engineName a canonical engine name
     * @return the device
     * @throws IllegalArgumentException as {@link #device()}
     */
    public ai.djl.Device device(String engineName) {
        return deviceSetting.resolve(EngineSetup.load(engineName, offline));
    }

    /**
     * Returns the task of a protocol, from {@code lra.protocols.<protocol>.task}.
     *
     * @param protocol the protocol name
     * @return the task
     * @throws IllegalArgumentException listing the valid protocols when it is unknown
     */
    public TaskSpec task(String protocol) {
        Config protocols = config.getConfig("lra.protocols");
        if (!protocols.root().containsKey(protocol)) {
            throw new IllegalArgumentException("unknown protocol '" + protocol + "'; valid protocols: "
                    + String.join(", ", new java.util.TreeSet<>(protocols.root().keySet())));
        }
        Config task = protocols.getConfig(protocol + ".task");
        return new TaskSpec(protocol, task.getInt("sequence-length"), task.getInt("channels"),
                task.getInt("vocabulary-size"), task.getInt("num-classes"));
    }

    /**
     * Returns the model variant a profile selects, from {@code lra.profiles.<profile>.variant}.
     *
     * @param profile the profile name
     * @return the variant name
     * @throws IllegalArgumentException listing the valid profiles when it is unknown
     */
    public String variant(String profile) {
        return profile(profile).getString("variant");
    }

    /**
     * Returns the variant a profile selects for one model: {@code lra.profiles.<profile>.models.<model>.variant}
     * where the profile names one for that model, else the profile's own {@code variant}.
     *
     * @param profile the profile name
     * @param model the provider id
     * @return the variant name
     * @throws IllegalArgumentException listing the valid profiles when the profile is unknown, or naming the key and
     *     the model's variants when the profile names one the model does not have
     */
    public String variant(String profile, String model) {
        Config block = profile(profile);
        String path = com.typesafe.config.ConfigUtil.joinPath("models", model, "variant");
        if (!block.hasPath(path)) {
            return block.getString("variant");
        }
        String variant = block.getString(path);
        String variants = com.typesafe.config.ConfigUtil.joinPath("lra", "models", model, "variants");
        java.util.Set<String> known = config.hasPath(variants)
                ? new java.util.TreeSet<>(config.getConfig(variants).root().keySet()) : java.util.Set.of();
        if (!known.contains(variant)) {
            throw new IllegalArgumentException("lra.profiles." + profile + "." + path + " = " + variant + ": model '"
                    + model + "' has no variant '" + variant + "' (its variants: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        return variant;
    }

    /**
     * Returns a profile's block {@code lra.profiles.<profile>}.
     *
     * @param profile the profile name
     * @return the block
     * @throws IllegalArgumentException listing the valid profiles when it is unknown
     */
    public Config profile(String profile) {
        Config profiles = config.getConfig("lra.profiles");
        if (!profiles.root().containsKey(profile)) {
            throw new IllegalArgumentException("unknown profile '" + profile + "'; valid profiles: "
                    + String.join(", ", new java.util.TreeSet<>(profiles.root().keySet())));
        }
        return profiles.getConfig(profile);
    }

    /**
     * Builds a model through its provider.
     *
     * @param id the provider id
     * @param task the task
     * @param variant the hyperparameter variant
     * @return the classifier
     * @throws IllegalArgumentException naming the model, its configuration block and the offending key
     */
    public SequenceClassifier create(String id, TaskSpec task, String variant) {
        String block = "lra.models." + id;
        try {
            return registry.get(id).create(task, ModelConfigs.forVariant(config, id, variant));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(
                    "configuration of model '" + id + "' (" + block + ", variant " + variant + "): " + e.getMessage(),
                    e);
        } catch (LinkageError e) {
            throw missingClass(id, e);
        }
    }

    /**
     * Turns a class missing from a plugin (a {@link LinkageError}) into a clear error naming the model and its jar.
     *
     * @param id the provider id
     * @param e the linkage error
     * @return the error to throw
     */
    public IllegalArgumentException missingClass(String id, LinkageError e) {
        return new IllegalArgumentException("model '" + id + "' (" + registry.entry(id).origin() + ") needs a class"
                + " it cannot find or link: " + e + "; " + ModelRegistry.MISSING_CLASS_HINT, e);
    }

    /** Returns one warning per plugins-folder entry that was not loaded (see {@link ModelRegistry#warnings()}). */
    public java.util.List<String> warnings() {
        return registry.warnings();
    }

    /** Closes the plugin class loaders. */
    @Override
    public void close() {
        registry.close();
    }
}
