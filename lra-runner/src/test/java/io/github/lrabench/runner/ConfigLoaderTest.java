package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence: command line > system properties > config file > reference. */
class ConfigLoaderTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearProperty() {
        System.clearProperty("lra.test.b");
        System.clearProperty("lra.test.a");
        System.clearProperty("lra.sedes");
        System.clearProperty("lra.models.test-mean-pool.hidden");
        ConfigFactory.invalidateCaches();
    }

    @Test
    void layersApplyInTheDocumentedOrder() throws Exception {
        Config reference = ConfigFactory.parseString("lra.test { a = ref, b = ref, c = ref, d = ref }");
        Path file = temp.resolve("app.conf");
        Files.writeString(file, "lra.test { a = file, b = file, c = file }");
        System.setProperty("lra.test.a", "sys");
        System.setProperty("lra.test.b", "sys");
        ConfigFactory.invalidateCaches();
        Config config = ConfigLoader.load(reference, Optional.of(file), Map.of("lra.test.a", "cli"));
        assertThat(config.getString("lra.test.a")).isEqualTo("cli");
        assertThat(config.getString("lra.test.b")).isEqualTo("sys");
        assertThat(config.getString("lra.test.c")).isEqualTo("file");
        assertThat(config.getString("lra.test.d")).isEqualTo("ref");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = temp.resolve("missing.conf");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigFactory.empty(), Optional.of(missing), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.conf");
    }

    @Test
    void configCommandPrintsTheResolvedTree() {
        CliRun run = CliRun.of("config", "--engine", "MXNet");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("engine=MXNet").contains("lra-image").contains("test-mean-pool");
        System.setProperty("ai.djl.default_engine", "PyTorch");
    }

    private static Config reference() {
        try (ModelRegistry registry = ModelRegistry.load(ConfigLoaderTest.class.getClassLoader())) {
            return registry.unresolvedReference();
        }
    }

    private static int hidden(Config config, String variant) {
        return ModelConfigs.forVariant(config, "test-mean-pool", variant).getInt("hidden");
    }

    @Test
    void referenceVariantBeatsReferenceDefaults() {
        Config config = ConfigLoader.load(reference(), Optional.empty(), Map.of());
        assertThat(hidden(config, "cpu")).isEqualTo(16);
        assertThat(hidden(config, "long")).isEqualTo(8);
    }

    @Test
    void aSystemPropertyOnTheModelBlockBeatsTheReferenceVariant() {
        System.setProperty("lra.models.test-mean-pool.hidden", "3");
        ConfigFactory.invalidateCaches();
        Config config = ConfigLoader.load(reference(), Optional.empty(), Map.of());
        assertThat(hidden(config, "cpu")).isEqualTo(3);
        assertThat(hidden(config, "paper")).isEqualTo(3);
    }

    @Test
    void aConfigFileOnTheModelBlockBeatsTheReferenceVariantAndItsOwnVariantBeatsItsPlainKey() throws Exception {
        Path file = temp.resolve("app.conf");
        Files.writeString(file, "lra.models.test-mean-pool { hidden = 5, variants.paper.hidden = 7 }");
        Config config = ConfigLoader.load(reference(), Optional.of(file), Map.of());
        assertThat(hidden(config, "cpu")).isEqualTo(5);
        assertThat(hidden(config, "paper")).isEqualTo(7);
    }

    @Test
    void aCommandLineValueOnTheModelBlockBeatsTheReferenceVariant() {
        Config config = ConfigLoader.load(reference(), Optional.empty(),
                Map.of("lra.models.test-mean-pool.hidden", 4));
        assertThat(hidden(config, "cpu")).isEqualTo(4);
    }

    @Test
    void anUnknownKeyIsRefusedWithTheNearestKnownKey() throws Exception {
        System.setProperty("lra.sedes", "2");
        ConfigFactory.invalidateCaches();
        Path file = temp.resolve("typo.conf");
        Files.writeString(file, "lra.models.test-mean-pool.hiden = 3\nlra.profiles.mine.training.stepz = 3\n"
                + "lra.profiles.smoke.training.weight-decay = 0.1\nlra.profiles.mine.models.x.training.steps = 2\n"
                + "lra.profiles.smoke.protocols.scifar.training.steps = 3\n"
                + "lra.profiles.cpu.models.fnet.data.caps.train = 10\n"
                + "lra.protocols.scifar.training.budget-minutes = 5\n");
        assertThatThrownBy(() -> ConfigLoader.load(reference(), Optional.of(file), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 unknown configuration keys")
                .hasMessageContaining("'lra.sedes' (set in system properties); did you mean 'lra.seed'?")
                .hasMessageContaining("'lra.models.test-mean-pool.hiden'")
                .hasMessageContaining("did you mean 'lra.models.test-mean-pool.hidden'?")
                .hasMessageContaining("'lra.profiles.mine.training.stepz'")
                .hasMessageNotContaining("weight-decay")
                .hasMessageNotContaining("protocols.scifar")
                .hasMessageNotContaining("caps")
                .hasMessageNotContaining("models.x");
    }

    @Test
    void theCommandLineRefusesAnUnknownKeyAsAUserError() {
        System.setProperty("lra.sedes", "2");
        ConfigFactory.invalidateCaches();
        CliRun run = CliRun.of("config");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("lra.sedes").contains("lra.seed").doesNotContain("\tat ");
    }
}
