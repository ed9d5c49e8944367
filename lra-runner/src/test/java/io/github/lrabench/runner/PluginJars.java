package io.github.lrabench.runner;

import com.typesafe.config.Config;
import io.github.lrabench.api.SequenceClassifierProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars the way a third-party author would: sources compiled against lra-api (and the DJL api and
 * typesafe-config it exposes) only, then jarred with a services file and optional reference.conf.
 */
final class PluginJars {

    private PluginJars() {}

    /**
     * Compiles sources and writes a jar.
     *
     * @param jar the jar to write
     * @param sources fully qualified class name → Java source
     * @param services the services file's content, or null for none
     * @param referenceConf the jar's reference.conf, or null for none
     * @return the jar
     */
    static Path build(Path jar, Map<String, String> sources, String services, String referenceConf) {
        try {
            Path work = Files.createTempDirectory("plugin-src");
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", apiClassPath(),
                    "--release", "17"));
            args.addAll(files);
            int status = files.isEmpty() ? 0 : compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("plugin sources did not compile");
            }
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> compiled = Files.walk(classes)) {
                for (Path file : compiled.filter(Files::isRegularFile).toList()) {
                    put(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
                if (services != null) {
                    put(out, "META-INF/services/" + SequenceClassifierProvider.class.getName(),
                            services.getBytes(StandardCharsets.UTF_8));
                }
                if (referenceConf != null) {
                    put(out, "reference.conf", referenceConf.getBytes(StandardCharsets.UTF_8));
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a provider source with an id, family and config key read from the jar's reference.conf. */
    static String providerSource(String packageName, String className, String id) {
        return """
                package %s;

                import ai.djl.nn.Block;
                import ai.djl.nn.SequentialBlock;
                import ai.djl.nn.core.Linear;
                import ai.djl.ndarray.NDList;
                import com.typesafe.config.Config;
                import io.github.lrabench.api.*;
                import java.util.Optional;

                public class %s implements SequenceClassifierProvider {
                    public String id() { return "%s"; }
                    public String family() { return "external"; }
                    public Optional<PaperResult> paperResult() {
                        return Optional.of(new PaperResult(12.5, "made-up task", "test fixture"));
                    }
                    public SequenceClassifier create(TaskSpec task, Config config) {
                        int hidden = config.getInt("hidden");
                        Block block = new SequentialBlock()
                                .add(InputEmbedding.builder().setTask(task).setEmbeddingSize(hidden).build())
                                .add(list -> new NDList(list.head().mean(new int[] {1})))
                                .add(Linear.builder().setUnits(task.numClasses()).build());
                        return new BasicSequenceClassifier("%s", task, block, java.util.OptionalLong.empty());
                    }
                }
                """.formatted(packageName, className, id, id);
    }

    /**
     * Moves the entries of a jar whose names start with a prefix into a second jar (a dependency the first needs),
     * optionally giving the first a manifest with a Class-Path and an Implementation-Version.
     *
     * @param jar the jar to split (rewritten without the moved entries)
     * @param dependency the jar that receives them
     * @param prefix entry-name prefix, e.g. {@code com/example/helper/}
     * @param classPath the first jar's manifest Class-Path, or null for no manifest
     */
    static void split(Path jar, Path dependency, String prefix, String classPath) {
        try {
            Map<String, byte[]> kept = new java.util.LinkedHashMap<>();
            Map<String, byte[]> moved = new java.util.LinkedHashMap<>();
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    byte[] bytes = file.getInputStream(entry).readAllBytes();
                    (entry.getName().startsWith(prefix) ? moved : kept).put(entry.getName(), bytes);
                }
            }
            Files.createDirectories(dependency.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dependency))) {
                for (Map.Entry<String, byte[]> entry : moved.entrySet()) {
                    put(out, entry.getKey(), entry.getValue());
                }
            }
            java.util.jar.Manifest manifest = new java.util.jar.Manifest();
            manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
            if (classPath != null) {
                manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, classPath);
            }
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                for (Map.Entry<String, byte[]> entry : kept.entrySet()) {
                    if (!entry.getKey().equals("META-INF/MANIFEST.MF")) {
                        put(out, entry.getKey(), entry.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a provider source whose create() needs {@code com.example.helper.Helper} from another jar. */
    static String providerNeedingHelper(String packageName, String className, String id) {
        return providerSource(packageName, className, id)
                .replace("int hidden = config.getInt(\"hidden\");",
                        "int hidden = com.example.helper.Helper.width(config.getInt(\"hidden\"));");
    }

    /** The helper class {@link #providerNeedingHelper} needs. */
    static final String HELPER_SOURCE = """
            package com.example.helper;

            public final class Helper {
                public static int width(int hidden) { return hidden; }
            }
            """;

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        try (OutputStream entry = new java.io.FilterOutputStream(out) {
            @Override
            public void close() {
                // keep the jar stream open
            }
        }) {
            entry.write(bytes);
        }
        out.closeEntry();
    }

    private static String apiClassPath() {
        List<String> entries = new ArrayList<>();
        for (Class<?> type : List.of(SequenceClassifierProvider.class, Config.class, ai.djl.nn.Block.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
