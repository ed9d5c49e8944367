/**
 * Conformance checks that every {@link io.github.lrabench.api.SequenceClassifierProvider} must pass, on DJL
 * PyTorch and DJL MXNet. Extend {@link io.github.lrabench.testkit.ProviderConformanceTest} from a JUnit 5 test, or
 * call {@link io.github.lrabench.testkit.ProviderConformance} directly.
 */
package io.github.lrabench.testkit;
