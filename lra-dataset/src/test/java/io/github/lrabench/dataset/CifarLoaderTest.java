package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarLoaderTest {

    private static final int PER_FILE = 4;

    @TempDir
    Path dir;

    private DataSettings settings() {
        return TestSettings.of(dir.resolve("data"), PER_FILE);
    }

    @Test
    void secondLoadComesFromTheCacheWithTheSameData() throws IOException {
        Path folder = SyntheticCifar.writeImageFolder(dir.resolve("images"), 3, 2, 9);
        CifarLoader loader = new CifarLoader(settings());

        LoadResult first = loader.loadDetailed(CifarSource.detect(folder));
        LoadResult second = loader.loadDetailed(CifarSource.detect(folder));

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.cacheFile()).isEqualTo(first.cacheFile());
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second.data().train()).isEqualTo(SyntheticCifar.generate(30, 20, 9).train());
        assertThat(cacheFiles()).hasSize(1);
    }

    @Test
    void damagedCacheFileIsDetectedAndRebuilt() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 9);
        CifarLoader loader = new CifarLoader(settings());
        LoadResult first = loader.loadDetailed(CifarSource.detect(folder));
        Path cacheFile = first.cacheFile().orElseThrow();
        try (RandomAccessFile raf = new RandomAccessFile(cacheFile.toFile(), "rw")) {
            raf.seek(raf.length() - 500);
            int b = raf.read();
            raf.seek(raf.length() - 500);
            raf.write(b ^ 0x40);
        }

        LoadResult second = loader.loadDetailed(CifarSource.detect(folder));
        LoadResult third = loader.loadDetailed(CifarSource.detect(folder));

        assertThat(second.fromCache()).as("damage detected").isFalse();
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(third.fromCache()).as("rebuilt").isTrue();
        assertThat(third.data()).isEqualTo(first.data());
        assertThat(cacheFiles()).containsExactly(cacheFile.getFileName().toString());
    }

    @Test
    void truncatedCacheFileIsDetectedAndRebuilt() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 9);
        CifarLoader loader = new CifarLoader(settings());
        Path cacheFile = loader.loadDetailed(CifarSource.detect(folder)).cacheFile().orElseThrow();
        try (RandomAccessFile raf = new RandomAccessFile(cacheFile.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }

        LoadResult again = loader.loadDetailed(CifarSource.detect(folder));

        assertThat(again.fromCache()).isFalse();
        assertThat(again.data().train()).isEqualTo(SyntheticCifar.generate(20, 4, 9).train());
        assertThat(Files.size(cacheFile)).isGreaterThan(20L * 3073);
    }

    @Test
    void changedSourceGetsANewKey() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 9);
        CifarLoader loader = new CifarLoader(settings());
        loader.load(CifarSource.detect(folder));
        SyntheticCifar.writeBinary(folder, PER_FILE, 10);
        Files.setLastModifiedTime(folder.resolve("test_batch.bin"), FileTime.fromMillis(1_000_000));

        LoadResult changed = loader.loadDetailed(CifarSource.detect(folder));

        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.data().train()).isEqualTo(SyntheticCifar.generate(20, 4, 10).train());
        assertThat(cacheFiles()).hasSize(2);
    }

    @Test
    void readsArchivesOfBothLayoutsAndLeavesNoExtractedFiles() throws IOException {
        Path binaryArchive = SyntheticCifar.writeArchive(dir.resolve("cifar-10-binary.tar.gz"), PER_FILE, 5);
        Path images = SyntheticCifar.writeImageFolder(dir.resolve("jpeg/cifar10"), 2, 1, 6);
        Path imageArchive = dir.resolve("images.tar.gz");
        TarGz.pack(images, "", imageArchive);
        CifarLoader loader = new CifarLoader(settings());

        CifarData fromBinary = loader.load(CifarSource.detect(binaryArchive));
        CifarData fromImages = loader.load(CifarSource.detect(imageArchive));

        assertThat(fromBinary.train()).isEqualTo(SyntheticCifar.generate(20, 4, 5).train());
        assertThat(fromBinary.origin()).isEqualTo(binaryArchive.toString());
        assertThat(fromImages.test()).isEqualTo(SyntheticCifar.generate(20, 10, 6).test());
        assertThat(names(dir.resolve("data"))).containsExactly("cache");
    }

    @Test
    void badArchiveEntryFailsAndLeavesNothingInTheCache() throws IOException {
        Path archive = dir.resolve("evil.tar.gz");
        ArchiveExtractorTest.writeTar(archive, "cifar-10-batches-bin/data_batch_1.bin", "../../evil.txt");
        CifarLoader loader = new CifarLoader(settings());

        assertThatThrownBy(() -> loader.load(CifarSource.detect(archive)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("../../evil.txt");
        assertThat(names(dir.resolve("data"))).isEmpty();
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void brokenFileInsideAnArchiveIsNamedInsideTheArchive() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 5);
        try (RandomAccessFile raf = new RandomAccessFile(folder.resolve("data_batch_2.bin").toFile(), "rw")) {
            raf.setLength(100);
        }
        Path archive = dir.resolve("broken.tar.gz");
        TarGz.pack(folder, "cifar-10-batches-bin", archive);

        assertThatThrownBy(() -> new CifarLoader(settings()).load(CifarSource.detect(archive)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(archive + "!/cifar-10-batches-bin/data_batch_2.bin has 100 bytes");
        assertThat(names(dir.resolve("data"))).isEmpty();
    }

    @Test
    void failedDecodeLeavesNoCacheFile() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 5);
        Files.delete(folder.resolve("data_batch_1.bin"));

        assertThatThrownBy(() -> new CifarLoader(settings()).load(Optional.of(folder)))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("lacks data_batch_1.bin");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void cacheCanBeSwitchedOff() throws IOException {
        Path folder = SyntheticCifar.writeBinary(dir.resolve("bin"), PER_FILE, 5);
        DataSettings noCache = TestSettings.of(dir.resolve("data"), PER_FILE, Map.of("cache", false));

        LoadResult result = new CifarLoader(noCache).loadDetailed(CifarSource.detect(folder));

        assertThat(result.fromCache()).isFalse();
        assertThat(result.cacheFile()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void detectRecognisesEachLayoutAndExplainsUnknownOnes() throws IOException {
        Path binary = SyntheticCifar.writeBinary(dir.resolve("a/cifar-10-batches-bin"), 1, 1);
        Path images = SyntheticCifar.writeImageFolder(dir.resolve("b"), 1, 1);
        Files.createDirectories(dir.resolve("c/unrelated"));

        assertThat(CifarSource.detect(binary)).isEqualTo(new CifarSource.BinaryFolder(binary));
        assertThat(CifarSource.detect(dir.resolve("a"))).isEqualTo(new CifarSource.BinaryFolder(dir.resolve("a")));
        assertThat(CifarSource.detect(images)).isEqualTo(new CifarSource.ImageFolder(images));
        assertThatThrownBy(() -> CifarSource.detect(dir.resolve("c")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(dir.resolve("c").toString())
                .hasMessageContaining("cifar-10-batches-bin");
        assertThatThrownBy(() -> CifarSource.detect(dir.resolve("missing")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("does not exist");
    }

    private List<String> cacheFiles() throws IOException {
        return names(dir.resolve("data/cache"));
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
