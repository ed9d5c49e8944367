package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lra models}, plugin directories and their bad inputs. */
class ModelsCommandTest {

    private static final String SERVICES_FILE = "META-INF/services/io.github.lrabench.api.SequenceClassifierProvider";

    @TempDir
    Path temp;

    @Test
    void listsClassPathProvidersWithParametersAndPaperResult() {
        CliRun run = CliRun.of("models", "--protocol", "scifar", "--profile", "cpu");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        // hidden=16 (cpu variant): projection 3*16+16, positions 1024*16, head 16*10+10
        long expected = 3 * 16 + 16 + 1024 * 16 + 16 * 10 + 10;
        assertThat(run.out()).containsPattern("test-mean-pool\\s+test\\s+" + String.format("%,d", expected));
        assertThat(run.out()).contains("50.00% (test task)").contains("yes");
    }

    @Test
    void aProfileCanSelectItsOwnVariantForOneModel() {
        System.setProperty("lra.profiles.cpu.models.test-mean-pool.variant", "paper");
        ConfigFactory.invalidateCaches();
        try {
            CliRun run = CliRun.of("models", "--protocol", "scifar", "--profile", "cpu");
            assertThat(run.err()).isEmpty();
            assertThat(run.status()).isZero();
            // hidden=32 (the paper variant, for this model only): projection 3*32+32, positions 1024*32, head 32*10+10
            long paper = 3 * 32 + 32 + 1024 * 32 + 32 * 10 + 10;
            assertThat(run.out()).contains("profile cpu (variant cpu)")
                    .containsPattern("test-mean-pool\\s+test\\s+" + String.format("%,d", paper) + ".*variant paper");
            assertThat(run.out()).doesNotContainPattern("test-second.*variant paper");
        } finally {
            System.clearProperty("lra.profiles.cpu.models.test-mean-pool.variant");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void aVariantTheModelDoesNotHaveIsNamedWithTheOnesItHas() {
        System.setProperty("lra.profiles.cpu.models.test-mean-pool.variant", "papr");
        ConfigFactory.invalidateCaches();
        try {
            CliRun run = CliRun.of("models", "--protocol", "scifar", "--profile", "cpu");
            assertThat(run.out() + run.err()).contains("lra.profiles.cpu.models.test-mean-pool.variant = papr")
                    .contains("its variants: cpu, paper");
        } finally {
            System.clearProperty("lra.profiles.cpu.models.test-mean-pool.variant");
            ConfigFactory.invalidateCaches();
        }
    }

    @Test
    void providerJarBuiltOutsideTheProjectShowsUpWithItsOwnDefaults() {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(plugins.resolve("external.jar"),
                Map.of("com.example.ext.ExternalProvider",
                        PluginJars.providerSource("com.example.ext", "ExternalProvider", "external")),
                "com.example.ext.ExternalProvider\n",
                "lra.models.external { hidden = 4 }\n");
        CliRun run = CliRun.of("models", "--plugins", plugins.toString(), "--protocol", "lra-image");
        assertThat(run.err()).isEmpty();
        // hidden=4 from the jar's reference.conf: table 256*4, positions 1024*4, head 4*10+10
        long expected = 256 * 4 + 1024 * 4 + 4 * 10 + 10;
        assertThat(run.out())
                .containsPattern("external\\s+external\\s+" + String.format("%,d", expected))
                .contains("12.50% (made-up task)")
                .contains("external.jar");
    }

    @Test
    void problemsInPluginJarsAreReportedTogetherNamingJarAndClasses() {
        Path plugins = temp.resolve("plugins");
        PluginJars.build(plugins.resolve("broken.jar"), Map.of(), "com.example.missing.NoSuchProvider\n", null);
        PluginJars.build(plugins.resolve("duplicate.jar"),
                Map.of("com.example.dup.DuplicateProvider",
                        PluginJars.providerSource("com.example.dup", "DuplicateProvider", "test-mean-pool")),
                "com.example.dup.DuplicateProvider\n", null);
        CliRun run = CliRun.of("models", "--plugins", plugins.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("2 problem(s)")
                .contains("broken.jar")
                .contains("com.example.missing.NoSuchProvider")
                .contains("duplicate model id 'test-mean-pool'")
                .contains(TestOnlyProvider.class.getName())
                .contains("com.example.dup.DuplicateProvider");
    }

    @Test
    void missingPluginDirectoryIsAnError() {
        CliRun run = CliRun.of("models", "--plugins", temp.resolve("nope").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("plugin directory").contains("nope").contains("does not exist");
    }

    @Test
    void unknownEngineListsTheValidOnes() {
        CliRun run = CliRun.of("models", "--engine", "TensorFlow");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown engine 'TensorFlow'").contains("PyTorch, MXNet");
    }

    @Test
    void unknownProtocolAndProfileListTheValidOnes() {
        assertThat(CliRun.of("models", "--protocol", "imagenet").err())
                .contains("unknown protocol 'imagenet'").contains("lra-image").contains("scifar");
        assertThat(CliRun.of("models", "--profile", "huge").err())
                .contains("unknown profile 'huge'").contains("smoke").contains("quick");
    }

    @Test
    void configValueOfTheWrongTypeNamesKeyAndOrigin() throws Exception {
        Path file = temp.resolve("bad.conf");
        Files.writeString(file, "lra.protocols.scifar.task.sequence-length = long\n");
        CliRun run = CliRun.of("models", "--config", file.toString(), "--protocol", "scifar");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("sequence-length").contains("bad.conf").contains("NUMBER");
    }

    @Test
    void badModelValueNamesTheModelBlock() throws Exception {
        Path file = temp.resolve("bad-model.conf");
        Files.writeString(file, "lra.models.test-mean-pool.variants.cpu.hidden = many\n");
        CliRun run = CliRun.of("models", "--config", file.toString(), "--profile", "cpu");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("lra.models.test-mean-pool").contains("hidden").contains("bad-model.conf");
    }
}
