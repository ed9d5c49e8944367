package io.github.lrabench.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every repository file a javadoc or comment of the project's main sources names (e.g. {@code docs/x.md}) exists. */
class JavadocReferencesTest {

    private static final Pattern FILE = Pattern.compile("\\b((?:[a-z0-9-]+/)+[A-Za-z0-9-]+\\.md)\\b");

    @Test
    void everyNamedMarkdownFileIsInTheRepository() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> dangling = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                    for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher named = FILE.matcher(Files.readString(source));
                        while (named.find()) {
                            if (!Files.exists(root.resolve(named.group(1)))) {
                                dangling.add(root.relativize(source) + " names " + named.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(dangling).as("files named in sources but not in the repository").isEmpty();
    }
}
