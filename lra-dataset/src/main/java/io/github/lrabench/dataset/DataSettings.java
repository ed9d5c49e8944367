package io.github.lrabench.dataset;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code lra.data} configuration, read and validated once.
 *
 * @param dir the folder for the downloaded archive, temporary extractions and the decode cache
 * @param url the official archive's address
 * @param archiveSize the archive's exact size in bytes
 * @param archiveMd5 the archive's MD5, 32 lowercase hex digits
 * @param download whether a missing local copy may be downloaded
 * @param connectTimeout the download's connection timeout
 * @param progressBar whether the download shows a progress bar on stderr
 * @param binaryFormat the records per batch file of the binary release
 * @param classNames the class order for image folders; empty: sorted folder names
 * @param decodeThreads threads that decode image files (0 in the configuration becomes the core count)
 * @param cache whether decoded pixels are kept under {@code dir/cache}
 * @param encodings the encoding of each protocol
 * @param splits the split of each protocol
 */
public record DataSettings(
        Path dir,
        URI url,
        long archiveSize,
        String archiveMd5,
        boolean download,
        Duration connectTimeout,
        boolean progressBar,
        CifarBinaryFormat binaryFormat,
        List<String> classNames,
        int decodeThreads,
        boolean cache,
        Map<PixelEncoding, EncodingSpec> encodings,
        Map<PixelEncoding, SplitSpec> splits) {

    private static final String ROOT = "lra.data";

    /** Copies the collections and checks that every protocol has an encoding and a split. */
    public DataSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(archiveMd5, "archiveMd5");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(binaryFormat, "binaryFormat");
        classNames = List.copyOf(classNames);
        encodings = Map.copyOf(encodings);
        splits = Map.copyOf(splits);
        for (PixelEncoding encoding : PixelEncoding.values()) {
            if (!encodings.containsKey(encoding) || !splits.containsKey(encoding)) {
                throw new IllegalArgumentException("settings lack the encoding or split of " + encoding.id());
            }
        }
        if (decodeThreads < 1) {
            throw new IllegalArgumentException("decodeThreads must be >= 1 but was " + decodeThreads);
        }
    }

    /**
     * Returns the settings of this module's {@code reference.conf} (with system-property overrides).
     *
     * @return the default settings
     */
    public static DataSettings defaults() {
        return fromConfig(ConfigFactory.defaultReference(DataSettings.class.getClassLoader()));
    }

    /**
     * Reads and validates {@code lra.data} from a resolved configuration.
     *
     * @param root the configuration holding {@code lra.data}
     * @return the settings
     * @throws IllegalArgumentException naming every invalid key
     */
    public static DataSettings fromConfig(Config root) {
        Config c = root.getConfig(ROOT);
        List<String> problems = new ArrayList<>();
        Path dir = read(problems, "dir", () -> Path.of(c.getString("dir")));
        URI url = read(problems, "url", () -> parseUrl(c.getString("url")));
        Long archiveSize = read(problems, "archive-size", () -> positive(c.getLong("archive-size")));
        String md5 = read(problems, "archive-md5", () -> md5(c.getString("archive-md5")));
        Boolean download = read(problems, "download", () -> c.getBoolean("download"));
        Duration timeout = read(problems, "connect-timeout", () -> positive(c.getDuration("connect-timeout")));
        Boolean progressBar = read(problems, "progress-bar", () -> c.getBoolean("progress-bar"));
        CifarBinaryFormat format = read(problems, "records-per-file",
                () -> new CifarBinaryFormat(c.getInt("records-per-file")));
        List<String> classNames = read(problems, "class-names", () -> distinct(c.getStringList("class-names")));
        Integer threads = read(problems, "decode-threads", () -> threads(c.getInt("decode-threads")));
        Boolean cache = read(problems, "cache", () -> c.getBoolean("cache"));
        Map<PixelEncoding, EncodingSpec> encodings = new EnumMap<>(PixelEncoding.class);
        Map<PixelEncoding, SplitSpec> splits = new EnumMap<>(PixelEncoding.class);
        for (PixelEncoding encoding : PixelEncoding.values()) {
            String e = "encodings." + encoding.id();
            EncodingSpec spec = read(problems, e, () -> encoding(c.getConfig(e), encoding));
            if (spec != null) {
                encodings.put(encoding, spec);
            }
            String s = "splits." + encoding.id();
            SplitSpec split = read(problems, s, () -> split(c.getConfig(s)));
            if (split != null) {
                splits.put(encoding, split);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid data configuration: " + String.join("; ", problems));
        }
        return new DataSettings(dir, url, archiveSize, md5, download, timeout, progressBar, format, classNames,
                threads, cache, encodings, splits);
    }

    /**
     * Returns the encoding a protocol uses.
     *
     * @param encoding the protocol's encoding
     * @return its specification from {@code lra.data.encodings}
     */
    public EncodingSpec encoding(PixelEncoding encoding) {
        return encodings.get(encoding);
    }

    /**
     * Returns the split a protocol uses.
     *
     * @param encoding the protocol's encoding
     * @return its specification from {@code lra.data.splits}
     */
    public SplitSpec split(PixelEncoding encoding) {
        return splits.get(encoding);
    }

    /** Returns the folder of the decode cache, {@code dir/cache}. */
    public Path cacheDir() {
        return dir.resolve("cache");
    }

    private static EncodingSpec encoding(Config c, PixelEncoding encoding) {
        boolean permuted = c.getBoolean("permuted");
        long seed = c.getLong("permutation-seed");
        EncodingSpec spec;
        if (encoding == PixelEncoding.LRA_IMAGE) {
            spec = EncodingSpec.lraImage(c.getDoubleList("grayscale-weights"));
        } else if (encoding == PixelEncoding.PSCIFAR) {
            if (!permuted) {
                throw new IllegalArgumentException("permuted must be true (pscifar is the permuted task) but was"
                        + " false");
            }
            return EncodingSpec.pscifar(c.getDoubleList("mean"), c.getDoubleList("std"), seed)
                    .withLayout(ChannelLayout.fromId(c.getString("layout")));
        } else {
            spec = EncodingSpec.scifar(c.getDoubleList("mean"), c.getDoubleList("std"))
                    .withLayout(ChannelLayout.fromId(c.getString("layout")));
        }
        return permuted ? spec.withPermutation(seed) : spec;
    }

    private static SplitSpec split(Config c) {
        ValidationSplit kind = ValidationSplit.fromId(c.getString("validation"));
        double fraction = c.getDouble("validation-fraction");
        return kind == ValidationSplit.RANDOM
                ? SplitSpec.random(fraction, c.getLong("seed"))
                : SplitSpec.contiguous(fraction);
    }

    /** Evaluates one key; on failure records a message naming {@code lra.data.<key>} and returns null. */
    private static <T> T read(List<String> problems, String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (ConfigException e) {
            problems.add(ROOT + "." + key + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            problems.add(ROOT + "." + key + " " + e.getMessage());
        }
        return null;
    }

    private static URI parseUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("must be an http or https URL but was '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be a URL but was '" + text + "': " + e.getMessage(), e);
        }
    }

    private static long positive(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("must be >= 1 but was " + value);
        }
        return value;
    }

    private static Duration positive(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("must be > 0 but was " + value);
        }
        return value;
    }

    private static String md5(String value) {
        if (!value.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("must be 32 hex digits but was '" + value + "'");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> distinct(List<String> names) {
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("must not repeat a name but was " + names);
        }
        return names;
    }

    private static int threads(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must be >= 0 (0 = one per core) but was " + value);
        }
        return value == 0 ? Runtime.getRuntime().availableProcessors() : value;
    }
}
