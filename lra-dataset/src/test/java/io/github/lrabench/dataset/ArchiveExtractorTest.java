package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {

    @TempDir
    Path dir;

    @Test
    void extractsTheArchiveLayout() throws IOException {
        Path archive = SyntheticCifar.writeArchive(dir.resolve("cifar.tar.gz"), 2, 1);
        Path target = dir.resolve("out");

        ArchiveExtractor.extract(archive, target);

        assertThat(target.resolve("cifar-10-batches-bin/data_batch_5.bin")).hasSize(2L * 3073);
        assertThat(new CifarBinaryReader(new CifarBinaryFormat(2)).read(target).train())
                .isEqualTo(SyntheticCifar.generate(10, 2, 1).train());
        assertThat(siblingsOf(target)).containsExactlyInAnyOrder("cifar.tar.gz", "out");
    }

    @Test
    void entryWithDotDotIsRefusedAndNothingIsLeft() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        writeTar(archive, "cifar-10-batches-bin/data_batch_1.bin", "../escaped.txt");
        Path target = dir.resolve("work/out");

        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, target))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(archive.toString())
                .hasMessageContaining("'../escaped.txt'")
                .hasMessageContaining("outside the target folder");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("work/escaped.txt")).doesNotExist();
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(siblingsOf(target)).isEmpty();
    }

    @Test
    void nestedDotDotThatEscapesIsRefused() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        writeTar(archive, "a/b/../../../x.txt");

        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, dir.resolve("out")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("a/b/../../../x.txt");
        assertThat(dir.resolve("x.txt")).doesNotExist();
    }

    @Test
    void absoluteEntryIsRefused() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        writeTar(archive, "/etc/evil.txt");

        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, dir.resolve("out")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("/etc/evil.txt");
    }

    @Test
    void dotDotInsideTheTargetIsAllowed() throws IOException {
        Path archive = dir.resolve("fine.tar.gz");
        writeTar(archive, "a/../b.txt");

        ArchiveExtractor.extract(archive, dir.resolve("out"));

        assertThat(dir.resolve("out/b.txt")).hasContent("a/../b.txt");
    }

    @Test
    void linkEntryIsRefused() throws IOException {
        Path archive = dir.resolve("link.tar.gz");
        try (OutputStream raw = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            TarArchiveEntry link = new TarArchiveEntry("data", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }

        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, dir.resolve("out")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("'data'")
                .hasMessageContaining("link");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void existingTargetIsNotOverwritten() throws IOException {
        Path archive = SyntheticCifar.writeArchive(dir.resolve("cifar.tar.gz"), 1, 1);
        Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> ArchiveExtractor.extract(archive, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("already exists");
    }

    /** Writes a tar.gz whose entries hold their own names as content. */
    static void writeTar(Path archive, String... names) throws IOException {
        try (OutputStream raw = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            for (String name : names) {
                byte[] content = name.getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }

    private static List<String> siblingsOf(Path target) throws IOException {
        Path parent = target.getParent();
        if (!Files.exists(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }
}
