package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins folder: every entry loaded or named in a warning; a plugin's own dependencies; missing classes. */
class PluginFolderTest {

    @TempDir
    Path temp;

    private static Path pluginWithHelper(Path jar) {
        return PluginJars.build(jar,
                Map.of("com.example.dep.DepProvider", PluginJars.providerNeedingHelper("com.example.dep", "DepProvider",
                        "dep"), "com.example.helper.Helper", PluginJars.HELPER_SOURCE),
                "com.example.dep.DepProvider\n", "lra.models.dep { hidden = 4 }\n");
    }

    @Test
    void everyEntryOfThePluginsFolderIsLoadedOrNamedInAWarning() throws Exception {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(plugins.resolve("external.jar"),
                Map.of("com.example.ext.ExternalProvider",
                        PluginJars.providerSource("com.example.ext", "ExternalProvider", "external")),
                "com.example.ext.ExternalProvider\n", "lra.models.external { hidden = 4 }\n");
        PluginJars.build(plugins.resolve("no-services.jar"), Map.of("com.example.helper.Helper",
                PluginJars.HELPER_SOURCE), null, null);
        Files.writeString(plugins.resolve("notes.txt"), "my plugins\n");
        Files.createDirectories(plugins.resolve("empty-folder"));
        CliRun run = CliRun.of("models", "--plugins", plugins.toString(), "--protocol", "lra-image");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("external");
        assertThat(run.err())
                .contains("warning: plugin " + plugins.resolve("no-services.jar") + " ignored: no jar of it has"
                        + " META-INF/services/io.github.lrabench.api.SequenceClassifierProvider")
                .contains("warning: plugins folder entry " + plugins.resolve("notes.txt") + " ignored: not a *.jar")
                .contains("warning: plugin sub-folder " + plugins.resolve("empty-folder") + " ignored: it holds no")
                .doesNotContain("external.jar ignored");
    }

    @Test
    void aFileNamedJarThatIsNoJarIsAnErrorNamingIt() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.writeString(plugins.resolve("fake.jar"), "not a zip");
        CliRun run = CliRun.of("models", "--plugins", plugins.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("fake.jar is not a readable jar");
    }

    @Test
    void aPluginSubFolderBringsItsOwnDependencies() {
        Path plugins = temp.resolve("plugins");
        Path jar = pluginWithHelper(plugins.resolve("dep-plugin").resolve("dep.jar"));
        PluginJars.split(jar, plugins.resolve("dep-plugin").resolve("helper.jar"), "com/example/helper/", null);
        CliRun run = CliRun.of("models", "--plugins", plugins.toString(), "--protocol", "lra-image");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        long expected = 256 * 4 + 1024 * 4 + 4 * 10 + 10;
        assertThat(run.out()).containsPattern("dep\\s+external\\s+" + String.format("%,d", expected));
    }

    @Test
    void aClassPathManifestEntryBringsADependencyThatIsNotAPluginItself() {
        Path plugins = temp.resolve("plugins");
        Path jar = pluginWithHelper(plugins.resolve("dep.jar"));
        PluginJars.split(jar, plugins.resolve("helper.jar"), "com/example/helper/", "helper.jar");
        CliRun run = CliRun.of("models", "--plugins", plugins.toString(), "--protocol", "lra-image");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).containsPattern("dep\\s+external\\s+[0-9,]+");
    }

    @Test
    void aMissingDependencyIsAClearErrorNamingTheJarNotAStackTrace() {
        Path plugins = temp.resolve("plugins");
        Path jar = pluginWithHelper(plugins.resolve("dep.jar"));
        PluginJars.split(jar, temp.resolve("elsewhere").resolve("helper.jar"), "com/example/helper/", null);
        CliRun models = CliRun.of("models", "--plugins", plugins.toString(), "--protocol", "lra-image");
        assertThat(models.out() + models.err())
                .contains("model 'dep' (" + jar + ") needs a class it cannot find or link")
                .contains("com/example/helper/Helper")
                .contains("sub-folder")
                .doesNotContain("\tat ");

        Path out = temp.resolve("out");
        CliRun bench = CliRun.of("bench", "--plugins", plugins.toString(), "--profile", "smoke", "--protocol",
                "scifar", "--models", "dep", "--out", out.toString());
        // refused with the suite's other problems before anything is written (a broken plugin: a user error)
        assertThat(bench.status()).as(bench.err()).isEqualTo(2);
        assertThat(bench.err()).contains("trial 0: dep, scifar, seed 0")
                .contains("model 'dep' (" + jar + ") needs a class it cannot find or link")
                .doesNotContain("\tat ");
        assertThat(out).as("no folder, no .lock, no trial folder is left").doesNotExist();
    }

    @Test
    void aBugIsAnInternalErrorWithItsStackTraceNotAUserError() {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(plugins.resolve("buggy.jar"), Map.of("com.example.bug.BuggyProvider",
                        PluginJars.providerSource("com.example.bug", "BuggyProvider", "buggy").replace(
                                "public String family() { return \"external\"; }",
                                "public String family() { throw new NullPointerException(\"family bug\"); }")),
                "com.example.bug.BuggyProvider\n", "lra.models.buggy { hidden = 4 }\n");
        CliRun run = CliRun.of("models", "--plugins", plugins.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("lra: internal error").contains("family bug").contains("\tat ");
    }

    @Test
    void aLockOnAFolderItCreatedLeavesNoEmptyFolderBehind() throws Exception {
        Path fresh = temp.resolve("fresh");
        OutputLock.acquire(fresh).close();
        assertThat(fresh).doesNotExist();
        Path existing = Files.createDirectories(temp.resolve("existing"));
        OutputLock.acquire(existing).close();
        assertThat(existing).isDirectory();
        Path written = temp.resolve("written");
        OutputLock lock = OutputLock.acquire(written);
        Files.writeString(written.resolve("summary.md"), "x");
        lock.close();
        assertThat(written.resolve("summary.md")).exists();
    }
}
