package io.github.lrabench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the official binary release from its extracted folder ({@code data_batch_1..5.bin}, {@code
 * test_batch.bin}, optionally {@code batches.meta.txt}), checking that all six files are present, that each holds
 * exactly {@link CifarBinaryFormat#recordsPerFile()} records, and that every label is 0..9.
 */
public final class CifarBinaryReader {

    private final CifarBinaryFormat format;

    /**
     * Creates a reader.
     *
     * @param format the expected record count per file ({@link CifarBinaryFormat#OFFICIAL} for the real data)
     */
    public CifarBinaryReader(CifarBinaryFormat format) {
        this.format = format;
    }

    /**
     * Reads a folder holding the batch files, or a folder holding {@code cifar-10-batches-bin}.
     *
     * @param folder the folder
     * @return the 5 × recordsPerFile training and recordsPerFile test images, with class names
     * @throws InvalidDataException when a file is missing, has the wrong size, or holds a label outside 0..9
     * @throws IOException when reading fails
     */
    public CifarData read(Path folder) throws IOException {
        Path batches = resolveBatchFolder(folder);
        List<String> missing = new ArrayList<>();
        for (String name : CifarBinaryFormat.allFiles()) {
            if (!Files.isRegularFile(batches.resolve(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidDataException("CIFAR-10 binary folder " + batches + " lacks " + String.join(", ", missing)
                    + "; expected all of " + String.join(", ", CifarBinaryFormat.allFiles()));
        }
        for (String name : CifarBinaryFormat.allFiles()) {
            checkSize(batches.resolve(name));
        }
        int perFile = format.recordsPerFile();
        int trainCount = perFile * CifarBinaryFormat.TRAIN_FILES.size();
        byte[] trainPixels = new byte[Math.multiplyExact(trainCount, ImageArray.IMAGE_BYTES)];
        byte[] trainLabels = new byte[trainCount];
        for (int f = 0; f < CifarBinaryFormat.TRAIN_FILES.size(); f++) {
            readFile(batches.resolve(CifarBinaryFormat.TRAIN_FILES.get(f)), trainPixels, trainLabels, f * perFile);
        }
        byte[] testPixels = new byte[Math.multiplyExact(perFile, ImageArray.IMAGE_BYTES)];
        byte[] testLabels = new byte[perFile];
        readFile(batches.resolve(CifarBinaryFormat.TEST_FILE), testPixels, testLabels, 0);
        return new CifarData(new ImageArray(trainPixels, trainLabels), new ImageArray(testPixels, testLabels),
                classNames(batches), batches.toString());
    }

    /**
     * Returns {@code folder/cifar-10-batches-bin} when it exists and {@code folder} itself holds no batch file,
     * else {@code folder}.
     *
     * @param folder the folder given by the user
     * @return the folder that should hold the batch files
     */
    static Path resolveBatchFolder(Path folder) {
        Path nested = folder.resolve(CifarBinaryFormat.FOLDER_NAME);
        boolean direct = Files.exists(folder.resolve(CifarBinaryFormat.TRAIN_FILES.get(0)))
                || Files.exists(folder.resolve(CifarBinaryFormat.TEST_FILE));
        return !direct && Files.isDirectory(nested) ? nested : folder;
    }

    private void checkSize(Path file) throws IOException {
        long size = Files.size(file);
        if (size != format.fileBytes()) {
            String what = size < format.fileBytes() ? "truncated or not a CIFAR-10 batch file"
                    : "too long for a CIFAR-10 batch file";
            throw new InvalidDataException(String.format(Locale.ROOT,
                    "%s has %,d bytes but a batch file holds exactly %,d bytes (%,d records of %,d bytes): %s",
                    file, size, format.fileBytes(), format.recordsPerFile(), CifarBinaryFormat.RECORD_BYTES, what));
        }
    }

    private void readFile(Path file, byte[] pixels, byte[] labels, int firstImage) throws IOException {
        byte[] record = new byte[CifarBinaryFormat.RECORD_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = 0; r < format.recordsPerFile(); r++) {
                if (in.readNBytes(record, 0, record.length) != record.length) {
                    throw new InvalidDataException(file + " ended inside record " + r + "; expected "
                            + format.recordsPerFile() + " records of " + CifarBinaryFormat.RECORD_BYTES + " bytes");
                }
                int label = record[0] & 0xFF;
                if (label >= CifarBinaryFormat.CLASS_NAMES.size()) {
                    throw new InvalidDataException(String.format(Locale.ROOT,
                            "%s: record %d (byte offset %,d) has label %d; expected a label 0..%d",
                            file, r, (long) r * CifarBinaryFormat.RECORD_BYTES, label,
                            CifarBinaryFormat.CLASS_NAMES.size() - 1));
                }
                int image = firstImage + r;
                labels[image] = (byte) label;
                System.arraycopy(record, 1, pixels, image * ImageArray.IMAGE_BYTES, ImageArray.IMAGE_BYTES);
            }
        }
    }

    private static List<String> classNames(Path batches) throws IOException {
        Path meta = batches.resolve(CifarBinaryFormat.META_FILE);
        if (!Files.isRegularFile(meta)) {
            return CifarBinaryFormat.CLASS_NAMES;
        }
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != CifarBinaryFormat.CLASS_NAMES.size()) {
            throw new InvalidDataException(meta + " names " + names.size() + " classes; expected "
                    + CifarBinaryFormat.CLASS_NAMES.size() + " lines, one class name each");
        }
        return names;
    }
}
