package io.github.lrabench.api;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * The class loader of one plugin jar. Classes and most resources come parent-first (the parent holds the api and
 * DJL, so a plugin jar needs no copy of them), but the provider services file and {@code reference.conf} are read
 * from the jar alone, so that errors and defaults are attributed to it.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String SERVICES = "META-INF/services/" + SequenceClassifierProvider.class.getName();

    private final Path jar;

    PluginClassLoader(Path jar, ClassLoader parent) throws IOException {
        super("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        this.jar = jar;
    }

    /** Returns the jar this loader reads. */
    Path jar() {
        return jar;
    }

    /** Returns this jar's own {@code reference.conf}, or null when it has none. */
    URL ownReferenceConf() {
        return findResource("reference.conf");
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICES.equals(name) ? findResources(name) : super.getResources(name);
    }
}
