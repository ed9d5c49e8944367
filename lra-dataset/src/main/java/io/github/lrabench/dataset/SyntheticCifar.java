package io.github.lrabench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded, learnable stand-ins for CIFAR-10 in its real formats, for tests and the runner's {@code smoke} profile.
 *
 * <p>Ten classes named as CIFAR-10's. Each class has its own brightness (so even the mean gray token separates
 * classes), colour tint, and stripe pattern (orientation and period); each image adds a random phase, a brightness
 * jitter and per-pixel noise. Labels cycle 0, 1, …, 9, 0, … through each split, so that an image folder written
 * from the data is read back in the same order. The same arguments always give the same bytes.
 */
public final class SyntheticCifar {

    private static final int CLASSES = CifarBinaryFormat.CLASS_NAMES.size();
    private static final int[][] TINTS = {
        {35, -10, -25}, {-30, 25, 5}, {10, 10, -30}, {-20, -20, 35}, {30, 30, -20},
        {-35, 5, 30}, {20, -30, 10}, {-10, 35, -25}, {25, -15, -10}, {-25, -5, 30}
    };

    private SyntheticCifar() {}

    /**
     * Generates a dataset in memory.
     *
     * @param trainImages training images (labels cycle through the 10 classes)
     * @param testImages test images
     * @param seed the seed
     * @return the dataset; origin {@code synthetic(seed=…)}
     */
    public static CifarData generate(int trainImages, int testImages, long seed) {
        if (trainImages < 0 || testImages < 0) {
            throw new IllegalArgumentException("image counts must be >= 0 but are " + trainImages + " and "
                    + testImages);
        }
        SplittableRandom root = new SplittableRandom(seed);
        ImageArray train = images(trainImages, root.split());
        ImageArray test = images(testImages, root.split());
        return new CifarData(train, test, CifarBinaryFormat.CLASS_NAMES, "synthetic(seed=" + seed + ")");
    }

    /**
     * Writes {@code data_batch_1..5.bin}, {@code test_batch.bin} and {@code batches.meta.txt} into a folder.
     *
     * @param folder the folder, created when missing
     * @param perFile records per batch file (5 × perFile training images, perFile test images)
     * @param seed the seed
     * @return the folder
     * @throws IOException when writing fails
     */
    public static Path writeBinary(Path folder, int perFile, long seed) throws IOException {
        CifarBinaryFormat format = new CifarBinaryFormat(perFile);
        new CifarBinaryWriter(format).write(generate(5 * perFile, perFile, seed), folder);
        return folder;
    }

    /**
     * Writes a {@code .tar.gz} archive shaped like {@code cifar-10-binary.tar.gz}: the batch files under {@code
     * cifar-10-batches-bin/}.
     *
     * @param archive the archive file to write
     * @param perFile records per batch file
     * @param seed the seed
     * @return the archive
     * @throws IOException when writing fails
     */
    public static Path writeArchive(Path archive, int perFile, long seed) throws IOException {
        Path parent = archive.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".synthetic-");
        try {
            writeBinary(staging, perFile, seed);
            TarGz.pack(staging, CifarBinaryFormat.FOLDER_NAME, archive);
        } finally {
            FileTrees.deleteRecursively(staging);
        }
        return archive;
    }

    /**
     * Writes an image folder with the same number of training and test images per class.
     *
     * @param root the folder to hold {@code train/} and {@code test/}
     * @param perClass images per class in each split
     * @param seed the seed
     * @return the folder
     * @throws IOException when writing fails
     */
    public static Path writeImageFolder(Path root, int perClass, long seed) throws IOException {
        return writeImageFolder(root, perClass, perClass, seed);
    }

    /**
     * Writes an image folder of PNG files: {@code train/<class>/NNNN.png}, {@code test/<class>/NNNN.png}.
     *
     * @param root the folder to hold {@code train/} and {@code test/}
     * @param trainPerClass training images per class
     * @param testPerClass test images per class
     * @param seed the seed
     * @return the folder
     * @throws IOException when writing fails
     */
    public static Path writeImageFolder(Path root, int trainPerClass, int testPerClass, long seed)
            throws IOException {
        CifarData data = generate(trainPerClass * CLASSES, testPerClass * CLASSES, seed);
        new ImageFolderWriter(ImageFolderWriter.Format.PNG).write(data, root);
        return root;
    }

    private static ImageArray images(int count, SplittableRandom random) {
        byte[] pixels = new byte[Math.multiplyExact(count, ImageArray.IMAGE_BYTES)];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % CLASSES;
            labels[i] = (byte) label;
            drawImage(label, random, pixels, i * ImageArray.IMAGE_BYTES);
        }
        return new ImageArray(pixels, labels);
    }

    private static void drawImage(int label, SplittableRandom random, byte[] pixels, int offset) {
        int brightness = 40 + 19 * label + random.nextInt(-12, 13);
        int half = 2 + label / 4;
        int phase = random.nextInt(2 * half);
        int orientation = label % 4;
        for (int y = 0; y < ImageArray.SIDE; y++) {
            for (int x = 0; x < ImageArray.SIDE; x++) {
                int coordinate = switch (orientation) {
                    case 0 -> y + phase;
                    case 1 -> x + phase;
                    case 2 -> x + y + phase;
                    default -> (x + phase) / half + (y + phase) / half;
                };
                boolean bright = orientation == 3 ? coordinate % 2 == 0 : (coordinate / half) % 2 == 0;
                int base = brightness + (bright ? 28 : -28);
                int p = y * ImageArray.SIDE + x;
                for (int c = 0; c < ImageArray.CHANNELS; c++) {
                    int value = base + TINTS[label][c] + random.nextInt(-20, 21);
                    pixels[offset + c * ImageArray.PIXELS + p] = (byte) Math.max(0, Math.min(255, value));
                }
            }
        }
    }
}
