package io.github.lrabench.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import java.util.stream.Stream;

/**
 * Reads an image-folder copy of CIFAR-10: {@code train/<class>/*} and {@code test/<class>/*}, each file a 32×32 PNG
 * or JPEG image. Files and folders whose names start with a dot are ignored.
 *
 * <p>Class index: the position of the class folder's name in sorted order, or in the configured class list.
 * Order: an image folder has no global image order, so images are interleaved round-robin over the classes (class
 * 0's first file, class 1's first file, …, then each class's second file), files sorted by name within a class.
 * A contiguous split of that order is therefore class-balanced; the official binary release keeps its own order.
 */
public final class ImageFolderReader {

    /** The training folder's name. */
    public static final String TRAIN = "train";
    /** The test folder's name. */
    public static final String TEST = "test";

    private static final int MAX_CLASSES = 127;

    private final List<String> classOrder;
    private final int threads;
    private final boolean progress;

    /**
     * Creates a reader that reports no progress.
     *
     * @param classOrder the class names in label order; empty: the folder names in sorted order
     * @param threads decoding threads, {@code >= 1}
     */
    public ImageFolderReader(List<String> classOrder, int threads) {
        this(classOrder, threads, false);
    }

    /**
     * Creates a reader.
     *
     * @param classOrder the class names in label order; empty: the folder names in sorted order
     * @param threads decoding threads, {@code >= 1}
     * @param progress whether to show decoding progress on stderr (a bar on a terminal, one line otherwise)
     */
    public ImageFolderReader(List<String> classOrder, int threads, boolean progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        this.classOrder = List.copyOf(classOrder);
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Returns whether a folder looks like an image-folder copy ({@code train/} and {@code test/} folders), directly
     * or inside its only sub-folder.
     *
     * @param folder the folder
     * @return true when {@link #read} would find the split folders
     */
    public static boolean looksLikeImageFolder(Path folder) {
        try {
            return resolveRoot(folder) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Decodes all training and test images.
     *
     * @param folder the folder holding {@code train/} and {@code test/} (or whose only sub-folder holds them)
     * @return the images, labels and class names
     * @throws InvalidDataException naming the file or folder that breaks the layout
     * @throws IOException when reading fails
     */
    public CifarData read(Path folder) throws IOException {
        Path root = resolveRoot(folder);
        if (root == null) {
            throw new InvalidDataException(folder + " is not an image folder: expected sub-folders "
                    + TRAIN + "/<class>/ and " + TEST + "/<class>/ holding 32×32 PNG or JPEG images");
        }
        List<String> trainClasses = classFolders(root.resolve(TRAIN));
        List<String> testClasses = classFolders(root.resolve(TEST));
        if (!new TreeSet<>(trainClasses).equals(new TreeSet<>(testClasses))) {
            throw new InvalidDataException(root + ": the class folders of " + TRAIN + "/ " + trainClasses
                    + " and of " + TEST + "/ " + testClasses + " differ; expected the same classes in both");
        }
        List<String> classes = classOrder(root, trainClasses);
        ImageArray train = decode(listImages(root.resolve(TRAIN), classes));
        ImageArray test = decode(listImages(root.resolve(TEST), classes));
        return new CifarData(train, test, classes, root.toString());
    }

    private static Path resolveRoot(Path folder) throws IOException {
        if (hasSplits(folder)) {
            return folder;
        }
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> children;
        try (Stream<Path> entries = Files.list(folder)) {
            children = entries.filter(p -> !hidden(p)).toList();
        }
        if (children.size() == 1 && hasSplits(children.get(0))) {
            return children.get(0);
        }
        return null;
    }

    private static boolean hasSplits(Path folder) {
        return Files.isDirectory(folder.resolve(TRAIN)) && Files.isDirectory(folder.resolve(TEST));
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static List<String> classFolders(Path split) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(split)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                if (hidden(entry)) {
                    continue;
                }
                if (!Files.isDirectory(entry)) {
                    throw new InvalidDataException(entry + " is a file; expected only class folders in " + split);
                }
                names.add(entry.getFileName().toString());
            }
        }
        if (names.size() < 2) {
            throw new InvalidDataException(split + " holds " + names.size()
                    + " class folder(s); expected one folder per class (at least 2)");
        }
        if (names.size() > MAX_CLASSES) {
            throw new InvalidDataException(split + " holds " + names.size() + " class folders; at most "
                    + MAX_CLASSES + " are supported");
        }
        return names;
    }

    private List<String> classOrder(Path root, List<String> found) throws InvalidDataException {
        if (classOrder.isEmpty()) {
            return found;
        }
        Set<String> configured = new HashSet<>(classOrder);
        if (configured.size() != classOrder.size() || !configured.equals(new HashSet<>(found))) {
            throw new InvalidDataException(root + " has class folders " + found
                    + " but the configured class order (lra.data.class-names) is " + classOrder
                    + "; expected the same names, each once");
        }
        return classOrder;
    }

    /** Lists the images of one split, interleaved round-robin over the classes. */
    private static List<LabelledFile> listImages(Path split, List<String> classes) throws IOException {
        List<List<Path>> perClass = new ArrayList<>();
        for (String name : classes) {
            Path classFolder = split.resolve(name);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(classFolder)) {
                for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                    if (hidden(entry)) {
                        continue;
                    }
                    if (!Files.isRegularFile(entry)) {
                        throw new InvalidDataException(entry + " is not a file; expected only PNG or JPEG images in "
                                + classFolder);
                    }
                    files.add(entry);
                }
            }
            if (files.isEmpty()) {
                throw new InvalidDataException("class folder " + classFolder
                        + " is empty; expected at least one 32×32 PNG or JPEG image");
            }
            perClass.add(files);
        }
        List<LabelledFile> order = new ArrayList<>();
        int longest = perClass.stream().mapToInt(List::size).max().orElse(0);
        for (int position = 0; position < longest; position++) {
            for (int label = 0; label < perClass.size(); label++) {
                List<Path> files = perClass.get(label);
                if (position < files.size()) {
                    order.add(new LabelledFile(files.get(position), label));
                }
            }
        }
        return order;
    }

    private ImageArray decode(List<LabelledFile> files) throws IOException {
        int count = files.size();
        byte[] pixels = new byte[Math.multiplyExact(count, ImageArray.IMAGE_BYTES)];
        byte[] labels = new byte[count];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try (ProgressBar bar = progressBar(count)) {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> {
                LabelledFile file = files.get(i);
                labels[i] = (byte) file.label();
                try {
                    ImageDecoder.decodeInto(file.path(), pixels, i * ImageArray.IMAGE_BYTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (bar != null) {
                    bar.step();
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding images", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pool.shutdownNow();
        }
        return new ImageArray(pixels, labels);
    }

    private ProgressBar progressBar(int count) {
        if (!progress) {
            return null;
        }
        if (System.console() == null) {
            System.err.println("decoding " + count + " images ...");
            return null;
        }
        return new ProgressBarBuilder().setTaskName("decoding").setInitialMax(count).setUnit(" images", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    private static IOException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof RuntimeException && !(cause instanceof UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    private record LabelledFile(Path path, int label) {}
}
