package io.github.lrabench.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --data PATH} option: where a local CIFAR-10 copy is. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "PATH",
            description = "local CIFAR-10: image folder, cifar-10-batches-bin folder or archive (default: download)")
    Path data;

    /** Returns the path, or empty to download into lra.data.dir. */
    Optional<Path> path() {
        return Optional.ofNullable(data);
    }
}
