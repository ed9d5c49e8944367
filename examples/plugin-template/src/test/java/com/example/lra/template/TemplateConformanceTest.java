package com.example.lra.template;

import io.github.lrabench.api.SequenceClassifierProvider;
import io.github.lrabench.testkit.ProviderConformanceTest;

/**
 * lra-bench's conformance kit: packaging (services file, id, config block), then shapes, gradients, overfitting,
 * save/load, seeding, bad input and memory on PyTorch and MXNet. The config is the {@code cpu} variant of this jar's
 * reference.conf (override {@code config(TaskSpec)} to make a large model small for the checks).
 */
class TemplateConformanceTest extends ProviderConformanceTest {

    @Override
    protected SequenceClassifierProvider provider() {
        return new TemplateProvider();
    }
}
