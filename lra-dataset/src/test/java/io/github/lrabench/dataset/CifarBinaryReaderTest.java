package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

    private static final int PER_FILE = 4;
    private final CifarBinaryReader reader = new CifarBinaryReader(new CifarBinaryFormat(PER_FILE));

    @TempDir
    Path dir;

    @Test
    void officialFormatHasTenThousandRecordsOf3073Bytes() {
        assertThat(CifarBinaryFormat.OFFICIAL.fileBytes()).isEqualTo(30_730_000L);
        assertThat(CifarBinaryFormat.RECORD_BYTES).isEqualTo(3073);
    }

    @Test
    void readsWhatTheGeneratorWrote() throws IOException {
        SyntheticCifar.writeBinary(dir, PER_FILE, 3);
        CifarData expected = SyntheticCifar.generate(5 * PER_FILE, PER_FILE, 3);

        CifarData read = reader.read(dir);

        assertThat(read.train()).isEqualTo(expected.train());
        assertThat(read.test()).isEqualTo(expected.test());
        assertThat(read.classNames()).isEqualTo(CifarBinaryFormat.CLASS_NAMES);
        assertThat(read.train().size()).isEqualTo(20);
    }

    @Test
    void recordLayoutIsLabelThenRedGreenBluePlanes() throws IOException {
        SyntheticCifar.writeBinary(dir, PER_FILE, 3);
        byte[] bytes = Files.readAllBytes(dir.resolve("data_batch_2.bin"));
        // second record of the second file is training image PER_FILE + 1
        int offset = CifarBinaryFormat.RECORD_BYTES;
        CifarData read = reader.read(dir);
        int image = PER_FILE + 1;
        assertThat(read.train().label(image)).isEqualTo(bytes[offset]);
        assertThat(read.train().value(image, 0, 0)).isEqualTo(bytes[offset + 1] & 0xFF);
        assertThat(read.train().value(image, 1, 5)).isEqualTo(bytes[offset + 1 + 1024 + 5] & 0xFF);
        assertThat(read.train().value(image, 2, 1023)).isEqualTo(bytes[offset + 3072] & 0xFF);
    }

    @Test
    void readsTheNestedBatchFolder() throws IOException {
        SyntheticCifar.writeBinary(dir.resolve(CifarBinaryFormat.FOLDER_NAME), PER_FILE, 3);
        assertThat(reader.read(dir).test().size()).isEqualTo(PER_FILE);
    }

    @Test
    void truncatedBatchFileIsNamedWithTheExpectedSize() throws IOException {
        SyntheticCifar.writeBinary(dir, PER_FILE, 3);
        Path file = dir.resolve("data_batch_3.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 100);
        }

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("12,192 bytes")
                .hasMessageContaining("exactly 12,292 bytes")
                .hasMessageContaining("4 records of 3,073 bytes")
                .hasMessageContaining("truncated");
    }

    @Test
    void labelTenIsNamedWithFileAndRecord() throws IOException {
        SyntheticCifar.writeBinary(dir, PER_FILE, 3);
        Path file = dir.resolve("test_batch.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(2L * CifarBinaryFormat.RECORD_BYTES);
            raf.write(10);
        }

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("record 2")
                .hasMessageContaining("label 10")
                .hasMessageContaining("0..9");
    }

    @Test
    void missingBatchFileIsNamed() throws IOException {
        SyntheticCifar.writeBinary(dir, PER_FILE, 3);
        Files.delete(dir.resolve("data_batch_4.bin"));

        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("lacks data_batch_4.bin")
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("test_batch.bin");
    }
}
