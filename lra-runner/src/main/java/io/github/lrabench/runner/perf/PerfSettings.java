package io.github.lrabench.runner.perf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.github.lrabench.runner.EngineSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The validated settings of {@code lra perf}, read from the block {@code lra.perf} (defaults in the runner's
 * {@code reference.conf}).
 *
 * @param engines the engines measured, canonical names, in order ({@code engines})
 * @param profile the profile whose model variant is measured ({@code profile})
 * @param batchSize the batch of the throughput measurements ({@code batch-size})
 * @param warmup untimed steps before the timed ones ({@code warmup})
 * @param repeats timed steps ({@code repeats})
 * @param seed seed of the initialisation and the synthetic inputs ({@code seed})
 * @param out the output folder ({@code out})
 * @param countOps whether to count ops per step where the engine exposes a profiler ({@code count-ops})
 * @param matmulSize n of the n×n×n matrix product ({@code matmul.size})
 * @param matmulWarmup untimed products ({@code matmul.warmup})
 * @param matmulRepeats timed products ({@code matmul.repeats})
 * @param bandwidthMebibytes size of each array of the bandwidth probe, MiB ({@code costs.bandwidth-mib})
 * @param dispatchOps ops per timed run of the dispatch probe ({@code costs.dispatch-ops})
 * @param costWarmup untimed runs of each cost probe ({@code costs.warmup})
 * @param costRepeats timed runs of each cost probe ({@code costs.repeats})
 * @param lengths the sequence lengths of the length scaling, ascending, each once ({@code lengths})
 * @param tokensPerBatch the batch at length L is {@code min(batchSize, max(1, tokensPerBatch / L))} ({@code
 *     length-scaling.tokens-per-batch})
 * @param lengthWarmup untimed steps per length ({@code length-scaling.warmup})
 * @param lengthRepeats timed steps per length ({@code length-scaling.repeats})
 * @param lengthAllEngines whether every engine runs the length scaling, or only the first ({@code
 *     length-scaling.all-engines})
 * @param pathKeys keys of a model's block that choose between an exact shortcut ({@code auto}) and the full
 *     computation ({@code full}); a model whose block sets one to {@code auto} is measured again with it forced to
 *     {@code full} when that changes its FLOPs ({@code path-keys})
 */
public record PerfSettings(List<String> engines, String profile, int batchSize, int warmup, int repeats, long seed,
        String out, boolean countOps, int matmulSize, int matmulWarmup, int matmulRepeats, int bandwidthMebibytes,
        int dispatchOps, int costWarmup, int costRepeats, List<Integer> lengths,
        int tokensPerBatch, int lengthWarmup, int lengthRepeats, boolean lengthAllEngines, List<String> pathKeys) {

    /** The configuration block these settings come from. */
    public static final String BLOCK = "lra.perf";

    /** Copies the lists. */
    public PerfSettings {
        engines = List.copyOf(engines);
        lengths = List.copyOf(lengths);
        pathKeys = List.copyOf(pathKeys);
    }

    /**
     * Reads and validates {@code lra.perf}, gathering every problem into one exception.
     *
     * @param config the resolved configuration
     * @return the settings
     * @throws IllegalArgumentException naming each offending key
     */
    public static PerfSettings from(Config config) {
        Reader read = new Reader(config.getConfig(BLOCK));
        List<String> engines = read.engines();
        List<Integer> lengths = read.value("lengths", () -> read.block.getIntList("lengths"), List.<Integer>of());
        if (lengths.isEmpty()) {
            read.problems.add(BLOCK + ".lengths must name at least one length");
        }
        for (int length : lengths) {
            if (length < 1) {
                read.problems.add(BLOCK + ".lengths must hold lengths >= 1 but holds " + length);
            }
        }
        PerfSettings settings = new PerfSettings(engines, read.string("profile"), read.atLeast("batch-size", 1),
                read.atLeast("warmup", 0), read.atLeast("repeats", 1),
                read.value("seed", () -> read.block.getLong("seed"), 0L), read.string("out"),
                read.bool("count-ops"), read.atLeast("matmul.size", 1), read.atLeast("matmul.warmup", 0),
                read.atLeast("matmul.repeats", 1), read.atLeast("costs.bandwidth-mib", 1),
                read.atLeast("costs.dispatch-ops", 1), read.atLeast("costs.warmup", 0),
                read.atLeast("costs.repeats", 1), List.copyOf(new TreeSet<>(lengths)),
                read.atLeast("length-scaling.tokens-per-batch", 1), read.atLeast("length-scaling.warmup", 0),
                read.atLeast("length-scaling.repeats", 1), read.bool("length-scaling.all-engines"),
                read.value("path-keys", () -> read.block.getStringList("path-keys"), List.<String>of()));
        if (!read.problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + BLOCK + " settings: " + String.join("; ", read.problems));
        }
        return settings;
    }

    /**
     * Returns the batch used at one length of the length scaling.
     *
     * @param length L
     * @return {@code min(batchSize, max(1, tokensPerBatch / L))}
     */
    public int lengthBatch(int length) {
        return Math.min(batchSize, Math.max(1, tokensPerBatch / length));
    }

    /** Returns the engines that run the length scaling. */
    public List<String> lengthEngines() {
        return lengthAllEngines ? engines : engines.subList(0, 1);
    }

    /** Reads keys of the block, recording problems instead of failing at the first. */
    private static final class Reader {
        private final Config block;
        private final List<String> problems = new ArrayList<>();

        Reader(Config block) {
            this.block = block;
        }

        <T> T value(String key, Supplier<T> getter, T fallback) {
            try {
                return getter.get();
            } catch (ConfigException e) {
                problems.add(BLOCK + "." + key + ": " + e.getMessage());
                return fallback;
            }
        }

        int atLeast(String key, int minimum) {
            int value = value(key, () -> block.getInt(key), minimum);
            if (value < minimum) {
                problems.add(BLOCK + "." + key + " must be >= " + minimum + " but was " + value);
            }
            return value;
        }

        String string(String key) {
            String value = value(key, () -> block.getString(key), "");
            if (value.isBlank() && problems.stream().noneMatch(p -> p.startsWith(BLOCK + "." + key + ":"))) {
                problems.add(BLOCK + "." + key + " must not be blank");
            }
            return value;
        }

        boolean bool(String key) {
            return value(key, () -> block.getBoolean(key), false);
        }

        List<String> engines() {
            List<String> names = value("engines", () -> block.getStringList("engines"), List.<String>of());
            List<String> canonical = new ArrayList<>();
            for (String name : names) {
                String match = EngineSetup.SUPPORTED.stream().filter(e -> e.equalsIgnoreCase(name.trim()))
                        .findFirst().orElse(null);
                if (match == null) {
                    problems.add("unknown engine '" + name.trim() + "' in " + BLOCK + ".engines (--engines); valid"
                            + " engines: " + String.join(", ", EngineSetup.SUPPORTED));
                } else if (!canonical.contains(match)) {
                    canonical.add(match);
                }
            }
            if (names.isEmpty() && problems.stream().noneMatch(p -> p.startsWith(BLOCK + ".engines:"))) {
                problems.add(BLOCK + ".engines must name at least one engine: "
                        + String.join(", ", EngineSetup.SUPPORTED));
            }
            return canonical.isEmpty() ? List.of(EngineSetup.SUPPORTED.get(0)) : canonical;
        }
    }
}
