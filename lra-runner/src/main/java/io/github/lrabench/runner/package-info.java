/**
 * The lra runner: configuration loading, engine selection, the protocol loop, results and reports. The command
 * line ({@link io.github.lrabench.runner.cli}) is a thin shell over this package. The runner never names a model
 * class: it uses whatever {@link io.github.lrabench.api.ModelRegistry} finds.
 */
package io.github.lrabench.runner;
