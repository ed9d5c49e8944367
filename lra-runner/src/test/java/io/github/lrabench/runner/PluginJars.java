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
