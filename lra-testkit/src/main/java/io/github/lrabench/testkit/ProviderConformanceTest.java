package io.github.lrabench.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.github.lrabench.api.EngineFeatures;
import io.github.lrabench.api.ModelConfigs;
import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.api.TaskSpec;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Extend this from a JUnit 5 test to run every {@link ProviderConformance} check for a provider, on every task of
 * {@link #tasks()} and every engine of {@link #engines()}. An engine that lacks a feature the provider declares
 * ({@link SequenceClassifierProvider#requiredEngineFeatures()}) is skipped, not failed.
 *
 * <pre>{@code
 * class MyModelConformanceTest extends ProviderConformanceTest {
 *     protected SequenceClassifierProvider provider() { return new MyModelProvider(); }
 *     protected Config config(TaskSpec task) {
 *         return ConfigFactory.parseString("hidden = 8").withFallback(super.config(task));
 *     }
 * }
 * }</pre>
 */
public abstract class ProviderConformanceTest {

    /** A token task shaped like {@code lra-image}, but short. */
    public static final TaskSpec TOKEN_TASK = new TaskSpec("conformance-tokens", 16, 1, 256, 10);

    /** A continuous task shaped like {@code scifar}, but short. */
    public static final TaskSpec CONTINUOUS_TASK = new TaskSpec("conformance-floats", 16, 3, 0, 10);

    /** Returns the provider under test. */
    protected abstract SequenceClassifierProvider provider();

    /**
     * Returns the provider configuration for a task. The default is the provider's {@code cpu} variant from the
     * {@code reference.conf} files on the class path; override it to make the model small.
     *
     * @param task the task
     * @return the configuration passed to {@link SequenceClassifierProvider#create}
     */
    protected Config config(TaskSpec task) {
        return ModelConfigs.forVariant(ConfigFactory.defaultReference(), provider().id(), "cpu");
    }

    /** Returns the tasks to check: by default {@link #TOKEN_TASK} and {@link #CONTINUOUS_TASK}. */
    protected List<TaskSpec> tasks() {
        return List.of(TOKEN_TASK, CONTINUOUS_TASK);
    }

    /** Returns the engines to check: by default {@code PyTorch} and {@code MXNet}. */
    protected List<String> engines() {
        return List.of("PyTorch", "MXNet");
    }

    /**
     * Produces one test per engine, task and check.
     *
     * @return the dynamic tests
     */
    @TestFactory
    Stream<DynamicNode> conformance() {
        SequenceClassifierProvider provider = provider();
        ProviderConformance packaging = new ProviderConformance(provider, this::config, "no engine");
        DynamicNode registration = DynamicContainer.dynamicContainer("packaging of " + provider.id(), Stream.of(
                DynamicTest.dynamicTest("services file registers " + provider.getClass().getSimpleName(),
                        packaging::servicesFileRegistersTheProvider),
                DynamicTest.dynamicTest("id '" + provider.id() + "' matches [a-z0-9-]+",
                        packaging::idMatchesThePattern),
                DynamicTest.dynamicTest("reference.conf has lra.models." + provider.id(),
                        packaging::configBlockExists)));
        return Stream.concat(Stream.of(registration), engines().stream().map(engine ->
                DynamicContainer.dynamicContainer(engine, tasks().stream().map(task ->
                        DynamicContainer.dynamicContainer(engine + " " + task.name(),
                                checks(provider, engine, task))))));
    }

    private Stream<DynamicNode> checks(SequenceClassifierProvider provider, String engine, TaskSpec task) {
        ProviderConformance kit = new ProviderConformance(provider, this::config, engine);
        return Stream.of(
                check("output shape and finite", engine, provider, kit, task, ProviderConformance::outputShapeAndFinite),
                check("every parameter gets a gradient", engine, provider, kit, task,
                        ProviderConformance::everyParameterGetsGradient),
                check("loss falls when overfitting", engine, provider, kit, task,
                        ProviderConformance::lossFallsWhenOverfitting),
                check("save and load give identical logits", engine, provider, kit, task,
                        ProviderConformance::saveLoadRoundTrip),
                check("same seed gives same logits", engine, provider, kit, task,
                        ProviderConformance::sameSeedSameLogits),
                check("wrong input shape is refused", engine, provider, kit, task,
                        ProviderConformance::wrongInputShapeIsRefused),
                check("training does not grow model memory", engine, provider, kit, task,
                        ProviderConformance::trainingDoesNotGrowModelMemory));
    }

    private static DynamicNode check(String name, String engine, SequenceClassifierProvider provider,
            ProviderConformance kit, TaskSpec task, BiConsumer<ProviderConformance, TaskSpec> body) {
        return DynamicTest.dynamicTest(name + " (" + engine + ", " + task.name() + ")", () -> {
            Set<String> missing = EngineFeatures.missing(provider, engine);
            assumeTrue(missing.isEmpty(), () -> engine + " lacks " + missing + " needed by " + provider.id());
            body.accept(kit, task);
        });
    }
}
