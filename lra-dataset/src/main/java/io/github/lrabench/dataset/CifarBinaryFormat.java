package io.github.lrabench.dataset;

import java.util.List;

/**
 * The layout of CIFAR-10's official binary release ({@code cifar-10-batches-bin}): five training batch files and
 * one test batch file, each a sequence of records of 1 label byte and 3,072 pixel bytes (R plane, G plane, B plane,
 * each row-major).
 *
 * @param recordsPerFile the records in each batch file: 10,000 in the official release; tests use fewer
 */
public record CifarBinaryFormat(int recordsPerFile) {

    /** The official release: 10,000 records per file. */
    public static final CifarBinaryFormat OFFICIAL = new CifarBinaryFormat(10_000);

    /** Bytes per record: the label byte and the pixels. */
    public static final int RECORD_BYTES = 1 + ImageArray.IMAGE_BYTES;

    /** The folder the official archive unpacks to. */
    public static final String FOLDER_NAME = "cifar-10-batches-bin";

    /** The training batch files, in the order their records are concatenated. */
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");

    /** The test batch file. */
    public static final String TEST_FILE = "test_batch.bin";

    /** The file holding the class names, one per line, in label order. */
    public static final String META_FILE = "batches.meta.txt";

    /** CIFAR-10's class names in label order. */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /** Validates the record count. */
    public CifarBinaryFormat {
        if (recordsPerFile < 1) {
            throw new IllegalArgumentException("recordsPerFile must be >= 1 but was " + recordsPerFile);
        }
    }

    /** Returns the exact size of each batch file in bytes. */
    public long fileBytes() {
        return (long) recordsPerFile * RECORD_BYTES;
    }

    /** Returns all six batch files: the training files, then the test file. */
    public static List<String> allFiles() {
        return List.of(TRAIN_FILES.get(0), TRAIN_FILES.get(1), TRAIN_FILES.get(2), TRAIN_FILES.get(3),
                TRAIN_FILES.get(4), TEST_FILE);
    }
}
