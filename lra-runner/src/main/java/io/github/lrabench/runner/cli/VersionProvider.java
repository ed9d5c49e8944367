package io.github.lrabench.runner.cli;

import io.github.lrabench.runner.MachineInfo;
import picocli.CommandLine.IVersionProvider;

/** Reports the runner's version and the commit it was built from, from its jar manifest. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"lra-bench " + MachineInfo.projectVersion()
                + MachineInfo.buildCommit().map(commit -> " (commit " + commit + ")").orElse("")};
    }
}
