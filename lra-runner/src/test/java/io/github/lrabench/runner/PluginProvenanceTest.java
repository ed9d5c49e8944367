package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lrabench.api.PluginJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin model's result records its jar; a rebuilt jar makes a finished trial stale instead of silently kept. */
class PluginProvenanceTest {

    @TempDir
    Path temp;

    private static void buildPlugin(Path jar, int hidden) {
        PluginJars.build(jar, Map.of("com.example.ext.ExternalProvider",
                        PluginJars.providerSource("com.example.ext", "ExternalProvider", "external")),
                "com.example.ext.ExternalProvider\n", "lra.models.external { hidden = " + hidden + " }\n");
    }

    private List<RunResult> run(Path plugins, List<String> warnings) {
        try (LraBench bench = LraBench.open(Optional.of(plugins), Optional.empty(), Map.of("lra.engine", "PyTorch"))) {
            SuiteRequest request = new SuiteRequest(List.of("lra-image"), "smoke", List.of("external"), 0, 1,
                    temp.resolve("out"), OptionalInt.empty());
            return bench.run(request, new GeneratedData(bench.context().task("lra-image")), new TrialListener() {
                @Override
                public void warning(TrialSpec trial, String message) {
                    warnings.add(message);
                }
            });
        }
    }

    @Test
    void theResultRecordsThePluginJarAndARebuiltJarRunsTheTrialAgain() throws Exception {
        Path plugins = temp.resolve("plugins");
        Path jar = plugins.resolve("external.jar");
        buildPlugin(jar, 4);
        List<String> warnings = new ArrayList<>();
        RunResult first = run(plugins, warnings).get(0);
        assertThat(first.isCompleted()).isTrue();
        List<PluginJar> recorded = first.provenance().plugins();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path()).isEqualTo(jar.toAbsolutePath().toString());
        assertThat(recorded.get(0).sha256()).hasSize(64).isEqualTo(sha256(jar));
        assertThat(first.provenance().pluginsFolder()).contains(plugins.toAbsolutePath().toString());
        Path resultFile = temp.resolve("out").resolve(first.trial().relativeDirectory()).resolve("result.json");
        assertThat(Files.readString(resultFile)).contains(recorded.get(0).sha256());

        assertThat(run(plugins, warnings).get(0)).as("same jar: the finished trial is kept").isEqualTo(first);
        assertThat(warnings).isEmpty();

        buildPlugin(jar, 6);
        RunResult again = run(plugins, warnings).get(0);
        assertThat(warnings).singleElement().asString()
                .contains("stale result").contains("external.jar changed since the trial finished");
        assertThat(again.provenance().plugins().get(0).sha256()).isEqualTo(sha256(jar))
                .isNotEqualTo(recorded.get(0).sha256());
        assertThat(again.parameters()).isNotEqualTo(first.parameters());
        assertThat(resultFile.resolveSibling(ResultFiles.STALE_FILE)).exists();
        assertThat(temp.resolve("out/summary.md")).content().as("the reproduce command names the plugins folder")
                .contains("--models external --seeds 1 --data DIR --plugins " + plugins.toAbsolutePath());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
