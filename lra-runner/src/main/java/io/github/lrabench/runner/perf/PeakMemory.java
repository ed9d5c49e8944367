package io.github.lrabench.runner.perf;

import io.github.lrabench.runner.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident memory over one measurement. */
final class PeakMemory {

    private PeakMemory() {}

    /** Resets the kernel's peak (VmHWM) to the current resident size, where Linux allows it. */
    static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux or not permitted: the peak then covers the whole process so far
        }
    }

    /** Returns the peak resident bytes since the last reset (0 where unknown). */
    static long peakBytes() {
        return MachineInfo.peakResidentBytes();
    }
}
