package com.example.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.lrabench.runner.LraBench;
import io.github.lrabench.runner.RunResult;
import io.github.lrabench.runner.SuiteRequest;
import io.github.lrabench.runner.TrainedModel;
import io.github.lrabench.runner.TrialListener;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses the runner as an outside application would, through its public Java API only: run one model on the
 * smoke profile (generated data), then load the trained model from its folder and classify an image and a pixel
 * sequence.
 */
class EmbeddingApiTest {

    @TempDir
    Path temp;

    @Test
    void runATrialThenLoadTheTrainedModelAndClassify() {
        Path out = temp.resolve("suite");
        try (LraBench bench = LraBench.open(Optional.empty(), Optional.empty(), Map.of("lra.engine", "PyTorch"))) {
            SuiteRequest request = new SuiteRequest(List.of("scifar"), "smoke", List.of("test-mean-pool"), 3, 1, out,
                    OptionalInt.empty());
            List<RunResult> results = bench.run(request, bench.dataSource(Optional.empty()), TrialListener.NONE);
            assertThat(results).singleElement().matches(RunResult::isCompleted);

            Path trialDir = out.resolve(results.get(0).trial().relativeDirectory());
            try (TrainedModel model = TrainedModel.load(bench.context(), trialDir)) {
                assertThat(model.card().model()).isEqualTo("test-mean-pool");
                assertThat(model.card().classNames()).hasSize(10);

                BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                image.setRGB(3, 4, 0xff8040);
                TrainedModel.Prediction fromImage = model.classify(image);
                assertThat(fromImage.probabilities()).hasSize(10);
                float sum = 0;
                for (float p : fromImage.probabilities()) {
                    sum += p;
                }
                assertThat(sum).isBetween(0.999f, 1.001f);
                assertThat(fromImage.className()).isEqualTo(model.card().classNames().get(fromImage.label()));

                TrainedModel.Prediction fromSequence = model.classify(null, new float[1024 * 3]);
                assertThat(fromSequence.label()).isBetween(0, 9);
                assertThatThrownBy(() -> model.classify(new BufferedImage(31, 32, BufferedImage.TYPE_INT_RGB)))
                        .hasMessageContaining("expected a 32×32 image but got 31×32");
                assertThatThrownBy(() -> model.classify(new int[1024], null))
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> TrainedModel.load(bench.context(), temp))
                    .hasMessageContaining("model.conf does not exist");
        }
    }
}
