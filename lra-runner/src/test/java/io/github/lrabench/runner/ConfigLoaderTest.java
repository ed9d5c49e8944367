package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
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
}
