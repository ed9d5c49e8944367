package io.github.lrabench.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
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
import java.util.stream.Stream;

/**
 * The model providers found on a class path and in an optional plugin directory of jars.
 *
 * <p>Built explicitly, never from static state. Every problem (a duplicate id, a services entry naming a missing
 * or failing class, an unreadable jar, an invalid id) is gathered and reported together in one {@link
 * RegistryException} before any training starts. Each plugin jar gets its own {@link PluginClassLoader} whose
 * parent is the given class loader, which must hold this api and DJL; that loader also reads the jar's own
 * {@code reference.conf}, so a drop-in jar brings its defaults.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final int MAX_SERVICE_ERRORS = 1000;

    private final Map<String, RegisteredProvider> providers;
    private final List<PluginClassLoader> pluginLoaders;
    private final Config unresolvedReference;

    private ModelRegistry(
            Map<String, RegisteredProvider> providers, List<PluginClassLoader> pluginLoaders, Config reference) {
        this.providers = Collections.unmodifiableMap(providers);
        this.pluginLoaders = List.copyOf(pluginLoaders);
        this.unresolvedReference = reference;
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
        Map<String, RegisteredProvider> byId = new TreeMap<>();
        List<PluginClassLoader> loaders = new ArrayList<>();
        Config reference = ConfigFactory.defaultReferenceUnresolved(classLoader);

        for (SequenceClassifierProvider provider : discover(classLoader, "class path", problems)) {
            register(new RegisteredProvider(provider, "class path", classLoader), byId, problems);
        }
        for (Path jar : pluginJars(pluginDirectory, problems)) {
            PluginClassLoader loader;
            try {
                loader = new PluginClassLoader(jar, classLoader);
            } catch (IOException e) {
                problems.add("plugin jar " + jar + " cannot be opened: " + e.getMessage());
                continue;
            }
            loaders.add(loader);
            String origin = jar.toString();
            for (SequenceClassifierProvider provider : discover(loader, "plugin jar " + jar, problems)) {
                register(new RegisteredProvider(provider, origin, loader), byId, problems);
            }
            reference = reference.withFallback(pluginReference(loader, problems));
        }
        if (!problems.isEmpty()) {
            loaders.forEach(ModelRegistry::closeQuietly);
            throw new RegistryException(problems);
        }
        return new ModelRegistry(byId, loaders, reference);
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

    private static List<Path> pluginJars(Optional<Path> directory, List<String> problems) {
        if (directory.isEmpty()) {
            return List.of();
        }
        Path dir = directory.get();
        if (!Files.isDirectory(dir)) {
            problems.add("plugin directory " + dir.toAbsolutePath() + " does not exist or is not a directory");
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }

    private static Config pluginReference(PluginClassLoader loader, List<String> problems) {
        URL url = loader.ownReferenceConf();
        if (url == null) {
            return ConfigFactory.empty();
        }
        try {
            return ConfigFactory.parseURL(url);
        } catch (ConfigException e) {
            problems.add("plugin jar " + loader.jar() + ": reference.conf cannot be parsed: " + e.getMessage());
            return ConfigFactory.empty();
        }
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
