package io.github.lrabench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads CIFAR-10 from any source: recognises the layout, downloads when no local copy is given, and keeps decoded
 * pixels in the {@link DecodeCache} (keyed by {@link SourceFingerprint}), so that later loads of the same source
 * skip decoding.
 *
 * <p>Archives are unpacked ({@link ArchiveExtractor}, refusing entries that escape) into a temporary folder under
 * {@code lra.data.dir}, read, and the folder is deleted again; only the decoded cache file stays.
 */
public final class CifarLoader {

    private static final System.Logger LOG = System.getLogger(CifarLoader.class.getName());

    private final DataSettings settings;
    private final DecodeCache cache;

    /**
     * Creates a loader.
     *
     * @param settings the {@code lra.data} settings
     */
    public CifarLoader(DataSettings settings) {
        this.settings = settings;
        this.cache = new DecodeCache(settings.cacheDir());
    }

    /**
     * Loads the data at a user-given path, or downloads the official archive when none is given.
     *
     * @param dataPath the {@code --data PATH} value, if any
     * @return the decoded dataset
     * @throws InvalidDataException when the data is malformed (the message names the file)
     * @throws DataUnavailableException when no data can be obtained (the message says how to give a local copy)
     * @throws IOException when reading or writing fails
     */
    public CifarData load(Optional<Path> dataPath) throws IOException {
        CifarSource source = dataPath.isPresent() ? CifarSource.detect(dataPath.get()) : CifarSource.download();
        return load(source);
    }

    /**
     * Loads a source.
     *
     * @param source the source
     * @return the decoded dataset
     * @throws IOException as {@link #load(Optional)}
     */
    public CifarData load(CifarSource source) throws IOException {
        return loadDetailed(source).data();
    }

    /**
     * Loads a source and reports whether the cache supplied it and how long it took.
     *
     * @param source the source
     * @return the data and how it was obtained
     * @throws IOException as {@link #load(Optional)}
     */
    public LoadResult loadDetailed(CifarSource source) throws IOException {
        long start = System.nanoTime();
        CifarSource local = source instanceof CifarSource.Download
                ? new CifarSource.Archive(new CifarDownloader(settings).ensureArchive())
                : source;
        if (!settings.cache()) {
            return new LoadResult(decode(local), false, since(start), Optional.empty());
        }
        String key = SourceFingerprint.of(local, settings);
        Optional<CifarData> cached = cache.read(key);
        if (cached.isPresent()) {
            return new LoadResult(cached.get(), true, since(start), Optional.of(cache.file(key)));
        }
        CifarData data = decode(local);
        Path file = cache.write(key, data);
        LOG.log(System.Logger.Level.INFO, "decoded " + local.describe() + " and cached it in " + file);
        return new LoadResult(data, false, since(start), Optional.of(file));
    }

    /**
     * Decodes a local source without the cache.
     *
     * @param source a folder or archive
     * @return the decoded dataset
     * @throws IOException as {@link #load(Optional)}
     */
    public CifarData decode(CifarSource source) throws IOException {
        if (source instanceof CifarSource.ImageFolder folder) {
            return imageFolderReader().read(folder.folder());
        }
        if (source instanceof CifarSource.BinaryFolder folder) {
            return new CifarBinaryReader(settings.binaryFormat()).read(folder.folder());
        }
        if (source instanceof CifarSource.Archive archive) {
            return decodeArchive(archive.file());
        }
        return decode(new CifarSource.Archive(new CifarDownloader(settings).ensureArchive()));
    }

    private CifarData decodeArchive(Path archive) throws IOException {
        Files.createDirectories(settings.dir());
        Path folder = settings.dir().resolve(".extract-" + UUID.randomUUID());
        try {
            ArchiveExtractor.extract(archive, folder);
            CifarSource inside;
            try {
                inside = CifarSource.detect(folder);
            } catch (InvalidDataException e) {
                inside = null;
            }
            if (inside == null || inside instanceof CifarSource.Archive) {
                throw new InvalidDataException("archive " + archive + " holds neither CIFAR-10 batch files nor "
                        + "train/ and test/ image folders; " + CifarSource.LAYOUTS);
            }
            CifarData data;
            try {
                data = decode(inside);
            } catch (InvalidDataException e) {
                // name the file inside the archive, not inside the temporary folder that is about to vanish
                throw new InvalidDataException(e.getMessage().replace(folder.toString(), archive + "!"), e);
            }
            return new CifarData(data.train(), data.test(), data.classNames(), archive.toString());
        } finally {
            FileTrees.deleteRecursively(folder);
        }
    }

    private ImageFolderReader imageFolderReader() {
        return new ImageFolderReader(settings.classNames(), settings.decodeThreads(), settings.progressBar());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
