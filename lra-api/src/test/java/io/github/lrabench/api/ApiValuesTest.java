package io.github.lrabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TaskSpec, PaperResult, ModelConfigs and the class-path side of ModelRegistry. */
class ApiValuesTest {

    @Test
    void taskSpecReportsEveryProblemTogether() {
        assertThatThrownBy(() -> new TaskSpec(" ", 0, 2, 256, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name must not be blank")
                .hasMessageContaining("sequenceLength must be >= 1")
                .hasMessageContaining("1 channel, not 2")
                .hasMessageContaining("numClasses must be >= 2");
    }

    @Test
    void taskSpecShapes() {
        TaskSpec tokens = new TaskSpec("lra-image", 1024, 1, 256, 10);
        TaskSpec floats = new TaskSpec("scifar", 1024, 3, 0, 10);
        assertThat(tokens.inputShape(8)).isEqualTo(new Shape(8, 1024));
        assertThat(floats.inputShape(8)).isEqualTo(new Shape(8, 1024, 3));
        assertThat(tokens.describeInputShape()).isEqualTo("(B, 1024)");
        assertThat(floats.describeInputShape()).isEqualTo("(B, 1024, 3)");
    }

    @Test
    void paperResultRejectsAccuracyOutsidePercent() {
        assertThatThrownBy(() -> new PaperResult(0.4244 * 1000, "LRA Image", "LRA"))
                .hasMessageContaining("[0, 100]");
    }

    @Test
    void variantOverridesThePlainBlockAndIsRemoved() {
        Config root = ConfigFactory.parseString(
                "lra.models.m { a = 1, b = 2, variants { cpu { b = 3 }, paper { a = 9 } } }");
        Config cpu = ModelConfigs.forVariant(root, "m", "cpu");
        assertThat(cpu.getInt("a")).isEqualTo(1);
        assertThat(cpu.getInt("b")).isEqualTo(3);
        assertThat(cpu.hasPath("variants")).isFalse();
        Config none = ModelConfigs.forVariant(root, "m", "long");
        assertThat(none.getInt("b")).isEqualTo(2);
        assertThat(ModelConfigs.hasVariant(root, "m", "paper")).isTrue();
        assertThat(ModelConfigs.hasVariant(root, "m", "long")).isFalse();
        assertThatThrownBy(() -> ModelConfigs.forVariant(root, "other", "cpu"))
                .isInstanceOf(ConfigException.Missing.class)
                .hasMessageContaining("lra.models.other");
    }

    @Test
    void referenceVariantBeatsReferenceDefaults() {
        Config root = ConfigFactory.defaultReference();
        assertThat(ModelConfigs.forVariant(root, "fixture", "big").getInt("size")).isEqualTo(32);
        assertThat(ModelConfigs.forVariant(root, "fixture", "cpu").getInt("size")).isEqualTo(4);
    }

    @Test
    void userPlainSettingBeatsTheReferenceVariant() {
        Config root = ConfigFactory.parseString("lra.models.fixture.size = 8")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ModelConfigs.forVariant(root, "fixture", "big").getInt("size")).isEqualTo(8);
        assertThat(ModelConfigs.forVariant(root, "fixture", "cpu").getInt("size")).isEqualTo(8);
    }

    @Test
    void userVariantSettingBeatsTheUserPlainSetting() {
        Config root = ConfigFactory.parseString(
                        "lra.models.fixture { size = 8, variants.big.size = 16 }")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ModelConfigs.forVariant(root, "fixture", "big").getInt("size")).isEqualTo(16);
        assertThat(ModelConfigs.forVariant(root, "fixture", "cpu").getInt("size")).isEqualTo(8);
    }

    @Test
    void referenceOriginsAreToldFromUserOrigins() {
        Config root = ConfigFactory.parseString("lra.models.fixture.size = 8")
                .withFallback(ConfigFactory.defaultReference()).resolve();
        assertThat(ModelConfigs.isReference(root.getValue("lra.models.fixture.variants.big.size").origin()))
                .isTrue();
        assertThat(ModelConfigs.isReference(root.getValue("lra.models.fixture.size").origin())).isFalse();
    }

    @Test
    void registryFindsClassPathProvidersAndNamesKnownIdsForUnknownOnes() {
        try (ModelRegistry registry = ModelRegistry.load(getClass().getClassLoader())) {
            assertThat(registry.ids()).containsExactly("fixture");
            assertThat(registry.get("fixture")).isInstanceOf(FixtureProvider.class);
            assertThat(registry.entry("fixture").origin()).isEqualTo("class path");
            assertThat(registry.unresolvedReference().resolve().getInt("lra.models.fixture.size")).isEqualTo(4);
            assertThatThrownBy(() -> registry.get("fnet"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown model 'fnet'; known models: fixture");
        }
    }

    @Test
    void registryRefusesAMissingPluginDirectory() {
        Path missing = Path.of("target", "no-such-plugins");
        assertThatThrownBy(() -> ModelRegistry.load(getClass().getClassLoader(), Optional.of(missing)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("no-such-plugins")
                .hasMessageContaining("does not exist");
    }
}
