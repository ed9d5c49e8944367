package io.github.lrabench.api;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin: its jar (or the jars of its sub-folder of the plugins folder), plus what their
 * manifests' {@code Class-Path} entries name. Classes and most resources come parent-first (the parent holds the api
 * and DJL, so a plugin needs no copy of them), but the provider services file and {@code reference.conf} are read
 * from the plugin's own jars alone, so that errors and defaults are attributed to it.
 */
final class PluginClassLoader extends URLClassLoader {

    private static final String SERVICES = "META-INF/services/" + SequenceClassifierProvider.class.getName();

    private final String name;
    private final List<Path> jars;

    PluginClassLoader(String name, List<Path> jars, ClassLoader parent) throws MalformedURLException {
        super("plugin:" + name, urls(jars), parent);
        this.name = name;
        this.jars = List.copyOf(jars);
    }

    private static URL[] urls(List<Path> jars) throws MalformedURLException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return urls;
    }

    /** Returns the plugin's name: its jar, or its sub-folder of the plugins folder. */
    String pluginName() {
        return name;
    }

    /** Returns the jars this loader was given (not those their Class-Path entries add). */
    List<Path> jars() {
        return jars;
    }

    /** Returns the plugin's own {@code reference.conf} files (one per jar that has one). */
    List<URL> ownReferenceConfs() throws IOException {
        return new ArrayList<>(Collections.list(findResources("reference.conf")));
    }

    /** Returns whether one of the plugin's own jars holds the provider services file. */
    boolean hasServicesFile() throws IOException {
        return findResources(SERVICES).hasMoreElements();
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return SERVICES.equals(name) ? findResources(name) : super.getResources(name);
    }
}
