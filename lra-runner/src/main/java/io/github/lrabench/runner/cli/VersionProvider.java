package io.github.lrabench.runner.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the runner's version from its jar manifest. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"lra-bench " + (version == null ? "(development build)" : version)};
    }
}
