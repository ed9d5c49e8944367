package io.github.lrabench.dataset;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Decoded datasets kept as one compact file per source key ({@code cifar10-<key>.pixels}): a header with the class
 * names, counts, payload length and a CRC32C of the payload (the header has its own CRC32C), then the raw labels and
 * planar RGB pixels of the training and test images.
 *
 * <p>Files are written to a temporary file in the same folder and renamed into place, so a reader sees a complete
 * file or none; the temporary file is deleted when writing fails. A file that is damaged (wrong magic, size or
 * checksum) is reported as absent and deleted, so that the caller decodes and writes it again.
 */
public final class DecodeCache {

    private static final System.Logger LOG = System.getLogger(DecodeCache.class.getName());
    private static final byte[] MAGIC = "LRACIFAR".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_HEADER = 1 << 20;
    private static final int CHUNK = 1 << 23;

    private final Path folder;

    /**
     * Creates a cache in a folder (created on first write).
     *
     * @param folder the cache folder, e.g. {@code lra.data.dir/cache}
     */
    public DecodeCache(Path folder) {
        this.folder = folder;
    }

    /**
     * Returns the file that holds a key's data.
     *
     * @param key the source key (hex)
     * @return the cache file
     */
    public Path file(String key) {
        if (!key.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("cache keys are 8..64 lowercase hex digits, not '" + key + "'");
        }
        return folder.resolve("cifar10-" + key.substring(0, Math.min(32, key.length())) + ".pixels");
    }

    /**
     * Reads a key's data.
     *
     * @param key the source key
     * @return the data; empty when absent or damaged (a damaged file is deleted)
     * @throws IOException when the file exists but cannot be read
     */
    public Optional<CifarData> read(String key) throws IOException {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(readFile(file, key));
        } catch (DamagedException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "decode cache file " + file + " is damaged (" + e.getMessage()
                    + "); deleting it, the source will be decoded again");
            Files.deleteIfExists(file);
            return Optional.empty();
        }
    }

    /**
     * Writes a key's data atomically (temporary file, then rename).
     *
     * @param key the source key
     * @param data the decoded data
     * @return the cache file
     * @throws IOException when writing fails; no partial file is left
     */
    public Path write(String key, CifarData data) throws IOException {
        Path target = file(key);
        Files.createDirectories(folder);
        byte[][] payload = {
            data.train().labels(), data.train().pixels(), data.test().labels(), data.test().pixels()
        };
        CRC32C crc = new CRC32C();
        long payloadLength = 0;
        for (byte[] part : payload) {
            crc.update(part, 0, part.length);
            payloadLength += part.length;
        }
        byte[] header = header(key, data, payloadLength, (int) crc.getValue());
        CRC32C headerCrc = new CRC32C();
        headerCrc.update(header, 0, header.length);
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 8 + header.length + 4);
        prefix.put(MAGIC).putInt(VERSION).putInt(header.length).put(header).putInt((int) headerCrc.getValue());
        prefix.flip();
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(channel, prefix);
                for (byte[] part : payload) {
                    for (int offset = 0; offset < part.length; offset += CHUNK) {
                        writeFully(channel, ByteBuffer.wrap(part, offset, Math.min(CHUNK, part.length - offset)));
                    }
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        return target;
    }

    private static byte[] header(String key, CifarData data, long payloadLength, int payloadCrc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeUTF(data.origin());
            out.writeInt(data.numClasses());
            for (String name : data.classNames()) {
                out.writeUTF(name);
            }
            out.writeInt(data.train().size());
            out.writeInt(data.test().size());
            out.writeLong(payloadLength);
            out.writeInt(payloadCrc);
        }
        return bytes.toByteArray();
    }

    private static CifarData readFile(Path file, String key) throws IOException, DamagedException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(MAGIC.length + 8);
            readFully(channel, start);
            start.flip();
            byte[] magic = new byte[MAGIC.length];
            start.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DamagedException("not a decode cache file");
            }
            int version = start.getInt();
            int headerLength = start.getInt();
            if (version != VERSION || headerLength < 0 || headerLength > MAX_HEADER) {
                throw new DamagedException("unknown version " + version + " or header length " + headerLength);
            }
            ByteBuffer headerBuffer = ByteBuffer.allocate(headerLength + 4);
            readFully(channel, headerBuffer);
            headerBuffer.flip();
            byte[] header = new byte[headerLength];
            headerBuffer.get(header);
            CRC32C headerCrc = new CRC32C();
            headerCrc.update(header, 0, header.length);
            if (headerBuffer.getInt() != (int) headerCrc.getValue()) {
                throw new DamagedException("header checksum mismatch");
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(header));
            String storedKey = in.readUTF();
            String origin = in.readUTF();
            int classCount = in.readInt();
            if (!storedKey.equals(key) || classCount < 2 || classCount > 127) {
                throw new DamagedException("header names key " + storedKey + " and " + classCount + " classes");
            }
            List<String> classNames = new ArrayList<>();
            for (int i = 0; i < classCount; i++) {
                classNames.add(in.readUTF());
            }
            int trainCount = in.readInt();
            int testCount = in.readInt();
            long payloadLength = in.readLong();
            int payloadCrc = in.readInt();
            long expectedPayload = (long) (trainCount + testCount) * (1 + ImageArray.IMAGE_BYTES);
            if (trainCount < 0 || testCount < 0 || payloadLength != expectedPayload
                    || channel.size() != channel.position() + payloadLength) {
                throw new DamagedException("file is " + channel.size() + " bytes, header promises "
                        + (channel.position() + payloadLength));
            }
            CRC32C crc = new CRC32C();
            byte[] trainLabels = readArray(channel, trainCount, crc);
            byte[] trainPixels = readArray(channel, trainCount * ImageArray.IMAGE_BYTES, crc);
            byte[] testLabels = readArray(channel, testCount, crc);
            byte[] testPixels = readArray(channel, testCount * ImageArray.IMAGE_BYTES, crc);
            if ((int) crc.getValue() != payloadCrc) {
                throw new DamagedException("payload checksum mismatch");
            }
            return new CifarData(new ImageArray(trainPixels, trainLabels), new ImageArray(testPixels, testLabels),
                    classNames, origin);
        }
    }

    private static byte[] readArray(FileChannel channel, int length, CRC32C crc) throws IOException,
            DamagedException {
        byte[] array = new byte[length];
        for (int offset = 0; offset < length; offset += CHUNK) {
            readFully(channel, ByteBuffer.wrap(array, offset, Math.min(CHUNK, length - offset)));
        }
        crc.update(array, 0, length);
        return array;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer) throws IOException, DamagedException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new DamagedException("file ends early");
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** A cache file that cannot be trusted. */
    private static final class DamagedException extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedException(String message) {
            super(message);
        }
    }
}
