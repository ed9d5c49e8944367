package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lra bench --profile smoke} end to end through the command line, on generated data. */
class BenchCommandTest {

    @TempDir
    Path temp;

    @Test
    void smokeProfileRunsEndToEndOnGeneratedData() throws Exception {
        Path out = temp.resolve("smoke");
        CliRun run = CliRun.of("bench", "--profile", "smoke", "--protocol", "scifar", "--models",
                "test-mean-pool,test-second", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 trial(s), 0 failed");
        assertThat(out.resolve("scifar/test-mean-pool/seed-0/result.json")).isRegularFile();
        assertThat(out.resolve("scifar/test-second/seed-0/model.conf")).isRegularFile();
        assertThat(Files.readString(out.resolve("summary.md"))).contains("\n## scifar\n")
                .contains("| test-second | test | smoke (");
        // one seed: the accuracy is shown without a spread, its interval is the test-set term alone
        assertThat(Files.readAllLines(out.resolve("summary.md"))).filteredOn(l -> l.startsWith("| test-second | test |"))
                .singleElement().asString().doesNotContainPattern("\\d ± \\d")
                .containsPattern("\\| \\d+\\.\\d\\d% \\(\\d+\\.\\d\\d%\\) \\| \\d+\\.\\d\\d–\\d+\\.\\d\\d% \\(±\\d");
        String provenance = Files.readString(out.resolve("scifar/test-mean-pool/seed-0/result.json"));
        assertThat(provenance).contains("synthetic(seed=0)").contains("\"engine\" : \"PyTorch\"");

        CliRun again = CliRun.of("bench", "--profile", "smoke", "--protocol", "scifar", "--models",
                "test-mean-pool,test-second", "--out", out.toString());
        assertThat(again.status()).isZero();
        assertThat(again.err()).doesNotContain("starting");
    }

    @Test
    void listTrialsPrintsModelBySeedByProtocol() {
        CliRun run = CliRun.of("bench", "--profile", "smoke", "--protocol", "lra-image,scifar", "--models",
                "test-mean-pool", "--seeds", "2", "--list-trials");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().filter(l -> l.matches("\\d+\\s+test-mean-pool.*"))).hasSize(4);
        assertThat(run.out()).containsPattern("3\\s+test-mean-pool\\s+scifar\\s+smoke\\s+1");
    }

    @Test
    void reportRebuildsTheSummaryFromResultFilesAlone() throws Exception {
        Path out = temp.resolve("suite");
        assertThat(CliRun.of("bench", "--profile", "smoke", "--protocol", "lra-image", "--models", "test-second",
                "--out", out.toString()).status()).isZero();
        Files.delete(out.resolve("summary.md"));
        Files.delete(out.resolve("summary.csv"));
        Path merged = temp.resolve("merged");
        CliRun report = CliRun.of("report", out.toString(), "--out", merged.toString());
        assertThat(report.status()).as(report.err()).isZero();
        assertThat(Files.readString(merged.resolve("summary.md"))).contains("test-second");
        assertThat(merged.resolve("summary.csv")).isRegularFile();
        assertThat(merged.resolve("curves-lra-image.png")).isRegularFile();
    }

    @Test
    void unknownProfileOnBenchListsTheValidOnes() {
        CliRun run = CliRun.of("bench", "--profile", "turbo", "--models", "test-second");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown profile 'turbo'").contains("cpu, long, paper, quick, smoke");
    }
}
