package io.github.lrabench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Kubernetes Indexed Job and the Slurm array in deploy/ parse and run `lra bench --trial` per index. */
class FanOutManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void kubernetesIndexedJobRunsOneTrialPerCompletionIndex() throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("k8s-indexed-job.yaml").toFile());
        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(job.path("kind").asText()).isEqualTo("Job");
        assertThat(job.path("spec").path("completionMode").asText()).isEqualTo("Indexed");
        assertThat(job.path("spec").path("completions").asInt()).isPositive();
        JsonNode container = job.path("spec").path("template").path("spec").path("containers").get(0);
        String command = container.path("args").get(0).asText();
        assertThat(command).startsWith("./lra bench ")
                .contains("--trial \"$JOB_COMPLETION_INDEX\"")
                .contains("--out \"/results/trial-$JOB_COMPLETION_INDEX\"");
        assertOptionsAreKnown(command);
    }

    @Test
    void slurmArrayRunsOneTrialPerArrayTask() throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("slurm-array.sh"));
        assertThat(lines.get(0)).isEqualTo("#!/usr/bin/env bash");
        assertThat(lines).anyMatch(l -> l.matches("#SBATCH --array=0-\\d+"));
        String script = String.join("\n", lines).replace("\\\n", " ");
        Matcher bench = Pattern.compile("(?m)^\\./lra bench [^\\n]+").matcher(script);
        assertThat(bench.find()).isTrue();
        assertThat(bench.group()).contains("--trial \"${SLURM_ARRAY_TASK_ID}\"");
        assertOptionsAreKnown(bench.group());
    }

    @Test
    void theImageTheJobNamesIsBuiltByTheDockerfile() throws Exception {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("k8s-indexed-job.yaml").toFile());
        JsonNode container = job.path("spec").path("template").path("spec").path("containers").get(0);
        String image = container.path("image").asText();
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        assertThat(dockerfile).contains("docker build -f deploy/Dockerfile -t " + image + " .");
        assertThat(container.path("workingDir").asText()).isEqualTo("/opt/lra-bench");
        assertThat(dockerfile).contains("WORKDIR /opt/lra-bench").contains("ENV LRA_NO_BUILD=1");
        Matcher copy = Pattern.compile("(?m)^COPY --from=build /src/(\\S+) ").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            String source = copy.group(1);
            assertThat(source.startsWith("lra-runner/target/") || Files.exists(Path.of("..", source)))
                    .as("%s is in the repository or built by ./mvnw package", source).isTrue();
        }
        assertThat(copies).isEqualTo(3);
        boolean mountsData = false;
        for (JsonNode mount : container.path("volumeMounts")) {
            mountsData |= mount.path("mountPath").asText().equals("/data/cifar10");
        }
        assertThat(mountsData).as("the --data folder of the command is mounted").isTrue();
    }

    @Test
    void slurmTasksNeverBuildAndTheSubmitScriptBuildsOnceAndCreatesTheLogFolder() throws Exception {
        String array = Files.readString(DEPLOY.resolve("slurm-array.sh"));
        assertThat(array).contains("export LRA_NO_BUILD=1").contains("#SBATCH --output=logs/");
        String submit = Files.readString(DEPLOY.resolve("slurm-submit.sh"));
        assertThat(submit).contains("./mvnw -B -q -DskipTests package").contains("mkdir -p logs")
                .contains("sbatch --parsable --export=ALL --array=");
        assertThat(submit.indexOf("mkdir -p logs")).isLessThan(submit.indexOf("sbatch --parsable"));
    }

    /** Every --option in the command is one that `lra bench` accepts. */
    private static void assertOptionsAreKnown(String command) {
        picocli.CommandLine bench = new picocli.CommandLine(new io.github.lrabench.runner.cli.LraCommand())
                .getSubcommands().get("bench");
        Matcher option = Pattern.compile("(--[a-z-]+)").matcher(command);
        while (option.find()) {
            assertThat(bench.getCommandSpec().findOption(option.group(1)))
                    .as("option %s of lra bench", option.group(1)).isNotNull();
        }
    }
}
