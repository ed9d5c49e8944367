package io.github.lrabench.dataset;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a {@code .tar.gz} (or plain {@code .tar}) archive into a new folder, refusing any entry that would land
 * outside it (absolute names, {@code ..} segments) and any link or special-file entry. The folder appears only
 * complete: entries are unpacked into a temporary sibling that is renamed at the end and deleted on failure.
 */
public final class ArchiveExtractor {

    private ArchiveExtractor() {}

    /**
     * Unpacks {@code archive} into {@code target}, which must not exist yet.
     *
     * @param archive the archive file
     * @param target the folder to create
     * @throws InvalidDataException when an entry escapes the target folder or is a link or special file
     * @throws IOException when reading or writing fails, or {@code target} exists
     */
    public static void extract(Path archive, Path target) throws IOException {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        if (Files.exists(absoluteTarget)) {
            throw new IOException("cannot extract " + archive + " into " + target + ": the folder already exists");
        }
        Path parent = absoluteTarget.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve("." + absoluteTarget.getFileName() + ".part-" + UUID.randomUUID());
        Files.createDirectory(temp);
        boolean done = false;
        try {
            unpack(archive, temp);
            Files.move(temp, absoluteTarget, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                FileTrees.deleteRecursively(temp);
            }
        }
    }

    private static void unpack(Path archive, Path root) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = destinationOf(archive, root, entry.getName());
                if (entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice() || entry.isBlockDevice()
                        || entry.isFIFO()) {
                    throw new InvalidDataException("archive " + archive + " holds entry '" + entry.getName()
                            + "', which is a link or special file; expected only folders and regular files");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("archive " + archive + " is not a valid tar archive: " + e.getMessage(), e);
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /**
     * Resolves an entry name inside the root, refusing names that escape it.
     *
     * @param archive the archive, for the message
     * @param root the extraction folder (absolute, normalised)
     * @param name the entry's name
     * @return the path to write
     * @throws InvalidDataException when the entry would land outside {@code root}
     */
    static Path destinationOf(Path archive, Path root, String name) throws InvalidDataException {
        String cleaned = name.replace('\\', '/');
        Path relative = root.getFileSystem().getPath(cleaned);
        Path destination = root.resolve(relative).normalize();
        if (cleaned.startsWith("/") || relative.isAbsolute() || !destination.startsWith(root)) {
            throw new InvalidDataException("archive " + archive + " holds entry '" + name
                    + "', which would be written outside the target folder; refusing to extract it");
        }
        return destination;
    }
}
