package io.github.lrabench.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Reads a plugins folder: which entries are plugins, which are their dependencies, which are ignored and why. */
final class PluginFolder {

    /**
     * One plugin to load.
     *
     * @param name its jar or sub-folder, as the user sees it
     * @param jars the jars given to its class loader
     * @param allJars those jars and the jars their manifests' {@code Class-Path} entries name
     */
    record Plugin(String name, List<Path> jars, List<Path> allJars) {}

    private PluginFolder() {}

    /**
     * Scans a plugins folder.
     *
     * @param directory the folder, or empty
     * @param problems where errors go (a missing folder, a {@code .jar} that is not a jar, a missing Class-Path jar)
     * @param warnings where ignored entries go, each named with the reason
     * @return the plugins, sorted by name
     */
    static List<Plugin> scan(Optional<Path> directory, List<String> problems, List<String> warnings) {
        if (directory.isEmpty()) {
            return List.of();
        }
        Path dir = directory.get();
        if (!Files.isDirectory(dir)) {
            problems.add("plugin directory " + dir.toAbsolutePath() + " does not exist or is not a directory");
            return List.of();
        }
        List<Path> entries = list(dir);
        Set<Path> dependencies = new LinkedHashSet<>();
        List<Path> topJars = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isRegularFile(entry) && isJarName(entry)) {
                if (readable(entry, problems)) {
                    topJars.add(entry);
                    dependencies.addAll(classPath(entry, problems));
                }
            }
        }
        List<Plugin> plugins = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                List<Path> jars = new ArrayList<>();
                for (Path inner : list(entry)) {
                    if (Files.isRegularFile(inner) && isJarName(inner)) {
                        if (readable(inner, problems)) {
                            jars.add(inner);
                        }
                    } else {
                        warnings.add("plugin folder entry " + inner + " ignored: a plugin's sub-folder holds only"
                                + " *.jar files");
                    }
                }
                if (jars.isEmpty()) {
                    warnings.add("plugin sub-folder " + entry + " ignored: it holds no *.jar");
                } else {
                    plugins.add(new Plugin(entry.toString(), jars, withClassPath(jars, problems)));
                }
            } else if (topJars.contains(entry)) {
                if (!dependencies.contains(entry.toAbsolutePath().normalize())) {
                    plugins.add(new Plugin(entry.toString(), List.of(entry), withClassPath(List.of(entry), problems)));
                }
            } else if (!isJarName(entry)) {
                warnings.add("plugins folder entry " + entry + " ignored: not a *.jar file or a plugin sub-folder");
            }
        }
        return plugins;
    }

    /**
     * Describes a jar for provenance.
     *
     * @param jar the jar
     * @param folder the plugins folder it was found in
     * @return its absolute path, SHA-256, manifest Implementation-Version and plugins folder
     */
    static PluginJar describe(Path jar, Path folder) {
        String version = "";
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest != null) {
                String value = manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
                version = value == null ? "" : value;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plugin jar " + jar, e);
        }
        return new PluginJar(jar.toAbsolutePath().normalize().toString(), sha256(jar), version,
                folder.toAbsolutePath().normalize().toString());
    }

    /**
     * Returns the SHA-256 of a file's bytes, lowercase hex.
     *
     * @param file the file
     * @return the digest
     */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static List<Path> withClassPath(List<Path> jars, List<String> problems) {
        Set<Path> all = new LinkedHashSet<>();
        for (Path jar : jars) {
            all.add(jar);
            all.addAll(classPath(jar, List.of()));
        }
        List<Path> existing = new ArrayList<>();
        for (Path jar : all) {
            if (Files.isRegularFile(jar)) {
                existing.add(jar);
            }
        }
        return existing;
    }

    /** The jars a jar's manifest Class-Path names, resolved against its folder; a missing one is a problem. */
    private static List<Path> classPath(Path jar, List<String> problems) {
        List<Path> named = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null || value.isBlank()) {
                return named;
            }
            for (String entry : value.trim().split("\\s+")) {
                Path dependency = jar.toAbsolutePath().getParent().resolve(entry).normalize();
                if (!Files.isRegularFile(dependency)) {
                    problems.add("plugin jar " + jar + ": its manifest's Class-Path names " + entry + ", which is"
                            + " not there (" + dependency + ")");
                } else {
                    named.add(dependency);
                }
            }
        } catch (IOException e) {
            // reported by readable()
        }
        return named;
    }

    private static boolean readable(Path jar, List<String> problems) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
            return true;
        } catch (IOException e) {
            problems.add("plugin jar " + jar + " is not a readable jar (zip) file: " + e.getMessage());
            return false;
        }
    }

    private static boolean isJarName(Path file) {
        return file.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + dir, e);
        }
    }
}
