package io.github.lrabench.dataset;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The decode cache's key for a source: SHA-256 over the reader's settings and the source's file metadata — for a
 * folder, every file's relative path, size and modification time (sorted); for an archive, its name, size and
 * modification time. File contents are not hashed (that would cost as much as decoding); a file replaced by one of
 * the same size and time keeps its key.
 */
final class SourceFingerprint {

    /** Bumped when the cache file's meaning changes. */
    private static final String VERSION = "lra-dataset-cache-v1";

    private SourceFingerprint() {}

    /**
     * Returns the key of a local source.
     *
     * @param source a folder or archive (not the download)
     * @param settings the reader settings that change the decoded result
     * @return 64 hex digits
     * @throws IOException when the files cannot be listed
     */
    static String of(CifarSource source, DataSettings settings) throws IOException {
        Hasher hasher = Hashing.sha256().newHasher();
        put(hasher, VERSION);
        if (source instanceof CifarSource.ImageFolder folder) {
            put(hasher, "image-folder");
            put(hasher, String.join("\u0000", settings.classNames()));
            putTree(hasher, folder.folder());
        } else if (source instanceof CifarSource.BinaryFolder folder) {
            put(hasher, "binary-folder");
            put(hasher, Integer.toString(settings.binaryFormat().recordsPerFile()));
            putTree(hasher, folder.folder());
        } else if (source instanceof CifarSource.Archive archive) {
            put(hasher, "archive");
            put(hasher, Integer.toString(settings.binaryFormat().recordsPerFile()));
            put(hasher, String.join("\u0000", settings.classNames()));
            Path file = archive.file();
            put(hasher, file.getFileName().toString());
            hasher.putLong(Files.size(file));
            hasher.putLong(Files.getLastModifiedTime(file).toMillis());
        } else {
            throw new IllegalArgumentException("resolve the download to its archive before fingerprinting");
        }
        return hasher.hash().toString();
    }

    private static void putTree(Hasher hasher, Path root) throws IOException {
        List<String> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                entries.add(root.relativize(file).toString().replace('\\', '/') + "\u0000" + attributes.size()
                        + "\u0000" + attributes.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        hasher.putInt(entries.size());
        for (String entry : entries) {
            put(hasher, entry);
        }
    }

    private static void put(Hasher hasher, String text) {
        hasher.putInt(text.length()).putString(text, StandardCharsets.UTF_8);
    }
}
