/** The {@code lra} command line: a thin picocli shell over {@link io.github.lrabench.runner}. */
package io.github.lrabench.runner.cli;
