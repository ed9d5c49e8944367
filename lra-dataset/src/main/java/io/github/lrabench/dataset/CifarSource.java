package io.github.lrabench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Where CIFAR-10 comes from: a local folder or archive, or the official download. */
public sealed interface CifarSource {

    /** Returns a description for logs and messages. */
    String describe();

    /**
     * An image folder: {@code train/<class>/*} and {@code test/<class>/*}.
     *
     * @param folder the folder holding {@code train/} and {@code test/}
     */
    record ImageFolder(Path folder) implements CifarSource {
        /** Checks for null. */
        public ImageFolder {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public String describe() {
            return "image folder " + folder;
        }
    }

    /**
     * The extracted binary release: {@code data_batch_1..5.bin} and {@code test_batch.bin}, directly or in {@code
     * cifar-10-batches-bin/}.
     *
     * @param folder the folder
     */
    record BinaryFolder(Path folder) implements CifarSource {
        /** Checks for null. */
        public BinaryFolder {
            Objects.requireNonNull(folder, "folder");
        }

        @Override
        public String describe() {
            return "binary batch folder " + folder;
        }
    }

    /**
     * A {@code .tar.gz} (or {@code .tgz}, {@code .tar}) archive of either layout, e.g. {@code
     * cifar-10-binary.tar.gz}.
     *
     * @param file the archive
     */
    record Archive(Path file) implements CifarSource {
        /** Checks for null. */
        public Archive {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "archive " + file;
        }
    }

    /** The official archive, downloaded into {@code lra.data.dir} when not there yet. */
    record Download() implements CifarSource {
        @Override
        public String describe() {
            return "the official CIFAR-10 download";
        }
    }

    /**
     * Returns the download source.
     *
     * @return the official archive, fetched when missing
     */
    static CifarSource download() {
        return new Download();
    }

    /**
     * Recognises what a user-given path holds.
     *
     * @param path a folder (binary batches or image folders) or an archive file
     * @return the source
     * @throws InvalidDataException when the path does not exist or matches no known layout
     * @throws IOException when the folder cannot be listed
     */
    static CifarSource detect(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new InvalidDataException("data path " + path + " does not exist; " + LAYOUTS);
        }
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")) {
                return new Archive(path);
            }
            throw new InvalidDataException("data path " + path + " is a file but not a .tar.gz archive; " + LAYOUTS);
        }
        if (holdsBatchFiles(path) || holdsBatchFiles(path.resolve(CifarBinaryFormat.FOLDER_NAME))) {
            return new BinaryFolder(path);
        }
        if (ImageFolderReader.looksLikeImageFolder(path)) {
            return new ImageFolder(path);
        }
        throw new InvalidDataException("data path " + path + " holds neither CIFAR-10 batch files nor train/ and "
                + "test/ image folders; " + LAYOUTS);
    }

    private static boolean holdsBatchFiles(Path folder) {
        return CifarBinaryFormat.allFiles().stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /** The layouts a data path may have, for error messages. */
    String LAYOUTS = "expected the cifar-10-binary.tar.gz archive, its extracted cifar-10-batches-bin folder "
            + "(data_batch_1..5.bin, test_batch.bin), or a folder with train/<class>/ and test/<class>/ images";
}
