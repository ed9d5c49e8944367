package io.github.lrabench.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a suite's output folder ({@code .lock}), so that two suites never write one folder. The
 * operating system releases it when the process dies, so a crash leaves no stale lock. A folder the lock created
 * and nothing else wrote into (the run failed before its first trial, e.g. a plugin that cannot load) is removed
 * again on release, so a failed start leaves no empty folder holding {@code .lock}.
 */
public final class OutputLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;
    private final Path outputDir;
    private final boolean createdFolder;

    private OutputLock(FileChannel channel, FileLock lock, Path outputDir, boolean createdFolder) {
        this.channel = channel;
        this.lock = lock;
        this.outputDir = outputDir;
        this.createdFolder = createdFolder;
    }

    /**
     * Takes the lock.
     *
     * @param outputDir the folder
     * @return the held lock
     * @throws IllegalStateException when another run holds it
     */
    public static OutputLock acquire(Path outputDir) {
        Path file = outputDir.resolve(".lock");
        try {
            boolean created = !Files.exists(outputDir);
            Files.createDirectories(outputDir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new HeldException("output folder " + outputDir.toAbsolutePath()
                        + " is held by another run (lock file " + file + "); wait for it or use another --out");
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(
                    ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new OutputLock(channel, lock, outputDir, created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            boolean leftEmpty = createdFolder && onlyTheLockFile();
            if (leftEmpty) {
                Files.deleteIfExists(outputDir.resolve(".lock"));
            }
            lock.release();
            channel.close();
            if (leftEmpty) {
                Files.deleteIfExists(outputDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean onlyTheLockFile() throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(outputDir)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(".lock"));
        }
    }

    /** The output folder is held by another run. */
    public static final class HeldException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }
}
