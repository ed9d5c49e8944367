package io.github.lrabench.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The model providers found on a class path and in an optional plugin directory of jars.
 *
 * <p>Built explicitly, never from static state. Every problem (a duplicate id, a services entry naming a missing
 * or failing class, an unreadable jar, an invalid id) is gathered and reported together in one {@link
 * RegistryException} before any training starts. Each plugin gets its own {@link PluginClassLoader} whose
 * parent is the given class loader, which must hold this api and DJL; that loader also reads the plugin's own
 * {@code reference.conf}, so a drop-in jar brings its defaults.
 *
 * <p>The plugins folder holds, each accounted for:
 * <ul>
 *   <li>{@code NAME.jar}: a plugin jar; the jars its manifest's {@code Class-Path} names (relative to the folder)
 *       are its dependencies, loaded with it and not as plugins themselves;
 *   <li>{@code NAME/}: a plugin with its own dependencies: every jar of the sub-folder in one class loader;
 *   <li>anything else (a jar with no services file that no plugin depends on, a file that is not a jar, an
 *       empty sub-folder) is ignored with a {@linkplain #warnings() warning} naming it and why.
 * </ul>
 * A {@code .jar} that cannot be read as a jar, a missing {@code Class-Path} jar and a class missing at load time
 * ({@link LinkageError}) are problems naming the jar.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final int MAX_SERVICE_ERRORS = 1000;

    /** What to do about a class a plugin needs but does not bring. */
    public static final String MISSING_CLASS_HINT = "a plugin's own dependencies go beside its jar in a sub-folder"
            + " of the plugins folder (one sub-folder per plugin) or are named by its manifest's Class-Path";

    private final Map<String, RegisteredProvider> providers;
    private final List<PluginClassLoader> pluginLoaders;
    private final Config unresolvedReference;
    private final List<String> warnings;
    private final Map<ClassLoader, List<PluginJar>> jarsByLoader;

    private ModelRegistry(Map<String, RegisteredProvider> providers, List<PluginClassLoader> pluginLoaders,
            Config reference, List<String> warnings, Map<ClassLoader, List<PluginJar>> jarsByLoader) {
        this.providers = Collections.unmodifiableMap(providers);
        this.pluginLoaders = List.copyOf(pluginLoaders);
        this.unresolvedReference = reference;
        this.warnings = List.copyOf(warnings);
        this.jarsByLoader = Map.copyOf(jarsByLoader);
    }

    /**
     * Discovers the providers visible to a class loader.
     *
     * @param classLoader the loader whose services files are read
     * @return the registry
     * @throws RegistryException listing every problem found
     */
    public static ModelRegistry load(ClassLoader classLoader) {
        return load(classLoader, Optional.empty());
    }

    /**
     * Discovers the providers visible to a class loader and those in every {@code *.jar} of a plugin directory.
     *
     * @param classLoader the loader whose services files are read; parent of every plugin jar's loader
     * @param pluginDirectory a folder of plugin jars, or empty
     * @return the registry
     * @throws RegistryException listing every problem found, including a plugin directory that does not exist
     */
    public static ModelRegistry load(ClassLoader classLoader, Optional<Path> pluginDirectory) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, RegisteredProvider> byId = new TreeMap<>();
        List<PluginClassLoader> loaders = new ArrayList<>();
        Map<ClassLoader, List<PluginJar>> jarsByLoader = new java.util.IdentityHashMap<>();
        Config reference = ConfigFactory.defaultReferenceUnresolved(classLoader);

        for (SequenceClassifierProvider provider : discover(classLoader, "class path", problems)) {
            register(new RegisteredProvider(provider, "class path", classLoader), byId, problems);
        }
        for (PluginFolder.Plugin plugin : PluginFolder.scan(pluginDirectory, problems, warnings)) {
            PluginClassLoader loader;
            try {
                loader = new PluginClassLoader(plugin.name(), plugin.jars(), classLoader);
            } catch (IOException e) {
                problems.add("plugin " + plugin.name() + " cannot be opened: " + e.getMessage());
                continue;
            }
            loaders.add(loader);
            List<PluginJar> jars = new ArrayList<>();
            for (Path jar : plugin.allJars()) {
                jars.add(PluginFolder.describe(jar, pluginDirectory.orElseThrow()));
            }
            jarsByLoader.put(loader, List.copyOf(jars));
            try {
                if (!loader.hasServicesFile()) {
                    warnings.add("plugin " + plugin.name() + " ignored: no jar of it has META-INF/services/"
                            + SequenceClassifierProvider.class.getName() + " (a plugin registers its providers there;"
                            + " a jar that a plugin needs belongs in that plugin's sub-folder or its Class-Path)");
                    continue;
                }
            } catch (IOException e) {
                problems.add("plugin " + plugin.name() + " cannot be read: " + e.getMessage());
                continue;
            }
            String origin = plugin.name();
            int before = byId.size();
            for (SequenceClassifierProvider provider : discover(loader, "plugin " + plugin.name(), problems)) {
                register(new RegisteredProvider(provider, origin, loader), byId, problems);
            }
            if (byId.size() == before && problems.isEmpty()) {
                warnings.add("plugin " + plugin.name() + " registers no provider (its services file is empty)");
            }
            reference = reference.withFallback(pluginReference(loader, problems));
        }
        if (!problems.isEmpty()) {
            loaders.forEach(ModelRegistry::closeQuietly);
            throw new RegistryException(problems);
        }
        return new ModelRegistry(byId, loaders, reference, warnings, jarsByLoader);
    }

    /**
     * Returns one sentence per file or folder of the plugins folder that was not loaded, naming it and why.
     *
     * @return the warnings, empty when every entry is a loaded plugin or a dependency of one
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Returns the jars a model came from (its plugin's jars and their {@code Class-Path} dependencies), each with
     * its SHA-256 and manifest version; empty for a model found on the class path.
     *
     * @param id the provider id
     * @return the jars, in load order
     * @throws IllegalArgumentException naming the known ids when none has that id
     */
    public List<PluginJar> pluginJars(String id) {
        return jarsByLoader.getOrDefault(entry(id).classLoader(), List.of());
    }

    /** Returns the registered providers, sorted by id. */
    public Collection<RegisteredProvider> providers() {
        return providers.values();
    }

    /** Returns the known ids, sorted. */
    public SortedSet<String> ids() {
        return new TreeSet<>(providers.keySet());
    }

    /**
     * Returns the provider with an id.
     *
     * @param id the provider id
     * @return the provider
     * @throws IllegalArgumentException naming the known ids when none has that id
     */
    public SequenceClassifierProvider get(String id) {
        return entry(id).provider();
    }

    /**
     * Returns the registration (provider, origin, class loader) of an id.
     *
     * @param id the provider id
     * @return the registration
     * @throws IllegalArgumentException naming the known ids when none has that id
     */
    public RegisteredProvider entry(String id) {
        RegisteredProvider entry = providers.get(id);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown model '" + id + "'; known models: " + String.join(", ", ids()));
        }
        return entry;
    }

    /**
     * Returns every {@code reference.conf} visible to the class loader plus each plugin jar's own, merged and not
     * yet resolved (so that higher layers can still override substituted values).
     *
     * @return the merged reference configuration
     */
    public Config unresolvedReference() {
        return unresolvedReference;
    }

    /** Closes the class loaders of the plugin jars. */
    @Override
    public void close() {
        pluginLoaders.forEach(ModelRegistry::closeQuietly);
    }

    private static List<SequenceClassifierProvider> discover(
            ClassLoader loader, String where, List<String> problems) {
        List<SequenceClassifierProvider> found = new ArrayList<>();
        Iterator<SequenceClassifierProvider> iterator =
                ServiceLoader.load(SequenceClassifierProvider.class, loader).iterator();
        for (int attempts = 0; attempts < MAX_SERVICE_ERRORS; attempts++) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                problems.add(where + ": broken services entry in META-INF/services/"
                        + SequenceClassifierProvider.class.getName() + ": " + describe(e));
            } catch (LinkageError e) {
                problems.add(where + ": a class its provider needs is missing or incompatible (" + e + "); "
                        + MISSING_CLASS_HINT);
            }
        }
        return found;
    }

    private static void register(
            RegisteredProvider entry, Map<String, RegisteredProvider> byId, List<String> problems) {
        String className = entry.provider().getClass().getName();
        String id;
        try {
            id = entry.provider().id();
        } catch (RuntimeException e) {
            problems.add(className + " (" + entry.origin() + "): id() failed: " + e);
            return;
        } catch (LinkageError e) {
            problems.add(className + " (" + entry.origin() + "): id() failed, a class is missing or incompatible ("
                    + e + "); " + MISSING_CLASS_HINT);
            return;
        }
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(className + " (" + entry.origin() + "): id '" + id + "' does not match [a-z0-9-]+");
            return;
        }
        RegisteredProvider previous = byId.putIfAbsent(id, entry);
        if (previous != null) {
            problems.add("duplicate model id '" + id + "': " + previous.provider().getClass().getName() + " ("
                    + previous.origin() + ") and " + className + " (" + entry.origin() + ")");
        }
    }

    private static Config pluginReference(PluginClassLoader loader, List<String> problems) {
        Config merged = ConfigFactory.empty();
        try {
            for (URL url : loader.ownReferenceConfs()) {
                try {
                    merged = merged.withFallback(ConfigFactory.parseURL(url));
                } catch (ConfigException e) {
                    problems.add("plugin " + loader.pluginName() + ": " + url + " cannot be parsed: "
                            + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("plugin " + loader.pluginName() + ": reference.conf cannot be read: " + e.getMessage());
        }
        return merged;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" (caused by ").append(cause).append(')');
        }
        return text.toString();
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // closing a read-only jar loader: nothing is lost
        }
    }
}
