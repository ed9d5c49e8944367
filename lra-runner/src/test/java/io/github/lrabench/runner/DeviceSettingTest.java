package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lra.device}: parsing, resolution against a GPU count, the smoke suite on {@code cpu} and {@code auto} on
 * this (GPU-less, CPU-natives) machine, and {@code gpu} refused with a message naming the key and what the engine
 * sees, in the API and through the CLI (exit 2).
 */
class DeviceSettingTest {

    @TempDir
    Path temp;

    @Test
    void parsesEveryFormAndRefusesOthersNamingTheKey() {
        assertThat(DeviceSetting.parse("cpu").kind()).isEqualTo(DeviceSetting.Kind.CPU);
        assertThat(DeviceSetting.parse("AUTO").kind()).isEqualTo(DeviceSetting.Kind.AUTO);
        assertThat(DeviceSetting.parse("gpu")).extracting(DeviceSetting::kind, DeviceSetting::gpuIndex)
                .containsExactly(DeviceSetting.Kind.GPU, 0);
        assertThat(DeviceSetting.parse("gpu:3").gpuIndex()).isEqualTo(3);
        for (String bad : List.of("cuda", "gpu:", "gpu:-1", "gpu0", "")) {
            assertThatThrownBy(() -> DeviceSetting.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lra.device = " + bad).hasMessageContaining("cpu, gpu, gpu:N");
        }
    }

    @Test
    void resolvesAgainstTheGpusTheEngineSees() {
        assertThat(DeviceSetting.parse("auto").resolve("PyTorch", 0, "")).isEqualTo(Device.cpu());
        assertThat(DeviceSetting.parse("auto").resolve("PyTorch", 2, "")).isEqualTo(Device.gpu(0));
        assertThat(DeviceSetting.parse("cpu").resolve("PyTorch", 2, "")).isEqualTo(Device.cpu());
        assertThat(DeviceSetting.parse("gpu").resolve("PyTorch", 1, "")).isEqualTo(Device.gpu(0));
        assertThat(DeviceSetting.parse("gpu:1").resolve("PyTorch", 2, "")).isEqualTo(Device.gpu(1));
        assertThatThrownBy(() -> DeviceSetting.parse("gpu:2").resolve("PyTorch", 2, ""))
                .hasMessageContaining("lra.device = gpu:2, but the PyTorch engine sees 2 GPUs (gpu:0 to gpu:1)");
        assertThatThrownBy(() -> DeviceSetting.parse("gpu").resolve("PyTorch", 0, ""))
                .hasMessageContaining("sees 0 GPUs").hasMessageContaining("PYTORCH_FLAVOR")
                .hasMessageNotContaining("-Pgpu");
    }

    @Test
    void gpuOnThisMachineNamesTheKeyTheCountAndTheGpuBuild() {
        try (LraBench bench = bench(Map.of("lra.device", "gpu"))) {
            assertThatThrownBy(() -> bench.context().device()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("lra.device = gpu, but the PyTorch engine sees 0 GPUs (CUDA not found:"
                            + " this runner bundles the CPU natives (PyTorch 2.7.1")
                    .hasMessageContaining("-Pgpu");
        }
    }

    @Test
    void cpuAndAutoRunTheSmokeSuiteAndRecordTheDevice() {
        for (String device : List.of("cpu", "auto")) {
            try (LraBench bench = bench(Map.of("lra.device", device))) {
                assertThat(bench.context().device()).isEqualTo(Device.cpu());
                List<RunResult> results = bench.run(request(device), new GeneratedData(bench.context()
                        .task("lra-image")), TrialListener.NONE);
                assertThat(results).singleElement().satisfies(r -> {
                    assertThat(r.isCompleted()).as(r.failureReason()).isTrue();
                    assertThat(r.stepsCompleted()).isEqualTo(12);
                    assertThat(r.provenance().device()).isEqualTo("cpu");
                });
            }
        }
    }

    @Test
    void theStepsHostReadsWorkOnMxNetToo() {
        // the step reads loss, correct count and squared gradient norm back as one array; MXNet's argmax and
        // boolean types differ from PyTorch's
        try (LraBench bench = LraBench.open(Optional.empty(), Optional.empty(), Map.of("lra.engine", "MXNet"))) {
            List<RunResult> results = bench.run(request("mxnet"), new GeneratedData(bench.context()
                    .task("lra-image")), TrialListener.NONE);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.isCompleted()).as(r.failureReason()).isTrue();
                assertThat(r.provenance().device()).isEqualTo("cpu");
                assertThat(r.curve()).allSatisfy(p -> assertThat(p.trainAccuracy()).isBetween(0.0, 1.0));
            });
        }
    }

    @Test
    void gpuRefusedBeforeAnyTrialIsTrainedAndByTheCliWithExitTwo() {
        try (LraBench bench = bench(Map.of("lra.device", "gpu"))) {
            assertThatThrownBy(() -> bench.run(request("gpu"), new GeneratedData(bench.context().task("lra-image")),
                    TrialListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lra.device = gpu");
        }
        assertThat(temp.resolve("gpu/lra-image/test-mean-pool/seed-0/result.json")).doesNotExist();
        CliRun run = CliRun.of("models", "--device", "gpu");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("lra: lra.device = gpu, but the PyTorch engine sees 0 GPUs")
                .doesNotContain("internal error");
        CliRun bad = CliRun.of("models", "--device", "tpu");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("lra.device = tpu is not a device");
    }

    @Test
    void engineLoadFailureOfflineWithoutBundledNativesPointsToOfflineFalse() {
        String message = EngineSetup.loadFailure("PyTorch", true, "",
                new RuntimeException("Failed to load PyTorch native library", new java.io.IOException("offline")));
        assertThat(message).contains("lra.offline = true").contains("-Dlra.offline=false")
                .contains("bundles no PyTorch natives").endsWith("Failed to load PyTorch native library; offline");
        assertThat(EngineSetup.loadFailure("PyTorch", false, "", new RuntimeException("no route")))
                .contains("lra.offline = false").contains("publish.djl.ai").endsWith("no route");
    }

    @Test
    void theCpuBuildRunsOfflineAndBundlesItsNatives() {
        try (LraBench bench = bench(Map.of())) {
            assertThat(bench.context().config().getBoolean("lra.offline")).isTrue();
            assertThat(bench.context().config().getString("lra.device")).isEqualTo("auto");
        }
        assertThat(NativeBundle.bundledFor("PyTorch")).startsWith("PyTorch 2.7.1").endsWith("cpu");
        assertThat(NativeBundle.bundledFor("MXNet")).startsWith("MXNet 1.9.1");
    }

    private static LraBench bench(Map<String, Object> extra) {
        Map<String, Object> overrides = new HashMap<>(Map.of("lra.engine", "PyTorch"));
        overrides.putAll(extra);
        return LraBench.open(Optional.empty(), Optional.empty(), overrides);
    }

    private SuiteRequest request(String name) {
        return new SuiteRequest(List.of("lra-image"), "smoke", List.of("test-mean-pool"), 0, 1, temp.resolve(name),
                OptionalInt.empty());
    }
}
