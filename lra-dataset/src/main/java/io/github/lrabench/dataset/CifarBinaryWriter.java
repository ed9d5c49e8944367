package io.github.lrabench.dataset;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a dataset in the official binary format (the inverse of {@link CifarBinaryReader}). */
public final class CifarBinaryWriter {

    private final CifarBinaryFormat format;

    /**
     * Creates a writer.
     *
     * @param format the records per file
     */
    public CifarBinaryWriter(CifarBinaryFormat format) {
        this.format = format;
    }

    /**
     * Writes {@code data_batch_1..5.bin}, {@code test_batch.bin} and {@code batches.meta.txt} into a folder.
     *
     * @param data 5 × recordsPerFile training and recordsPerFile test images, at most 256 classes
     * @param folder the folder, created when missing
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the image counts do not fit the format
     */
    public void write(CifarData data, Path folder) throws IOException {
        int perFile = format.recordsPerFile();
        int trainFiles = CifarBinaryFormat.TRAIN_FILES.size();
        if (data.train().size() != perFile * trainFiles || data.test().size() != perFile) {
            throw new IllegalArgumentException("the binary format with " + perFile + " records per file needs "
                    + perFile * trainFiles + " training and " + perFile + " test images, not "
                    + data.train().size() + " and " + data.test().size());
        }
        Files.createDirectories(folder);
        for (int f = 0; f < trainFiles; f++) {
            writeFile(folder.resolve(CifarBinaryFormat.TRAIN_FILES.get(f)), data.train(), f * perFile, perFile);
        }
        writeFile(folder.resolve(CifarBinaryFormat.TEST_FILE), data.test(), 0, perFile);
        Files.writeString(folder.resolve(CifarBinaryFormat.META_FILE),
                String.join("\n", data.classNames()) + "\n\n", StandardCharsets.UTF_8);
    }

    private static void writeFile(Path file, ImageArray images, int from, int count) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = from; i < from + count; i++) {
                out.write(images.label(i));
                out.write(images.pixels(), i * ImageArray.IMAGE_BYTES, ImageArray.IMAGE_BYTES);
            }
        }
    }
}
