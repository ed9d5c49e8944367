package io.github.lrabench.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Packs a folder into a {@code .tar.gz} archive. */
final class TarGz {

    private TarGz() {}

    /**
     * Packs every file under {@code folder} into {@code archive}, with entry names {@code rootName/<relative path>}.
     *
     * @param folder the folder to pack
     * @param rootName the archive's top folder name; empty for none
     * @param archive the archive to write
     * @throws IOException when reading or writing fails
     */
    static void pack(Path folder, String rootName, Path archive) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        String prefix = rootName.isEmpty() ? "" : rootName + "/";
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            if (!prefix.isEmpty()) {
                tar.putArchiveEntry(new TarArchiveEntry(prefix));
                tar.closeArchiveEntry();
            }
            for (Path file : files) {
                String name = prefix + folder.relativize(file).toString().replace('\\', '/');
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(Files.size(file));
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
