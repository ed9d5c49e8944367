package io.github.lrabench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Fetches the official CIFAR-10 archive into {@code lra.data.dir}: streamed into a temporary file, which is renamed
 * to its final name only when its size and MD5 match {@code lra.data.archive-size} and {@code
 * lra.data.archive-md5}; otherwise it is deleted. A progress bar on stderr shows the transfer.
 */
public final class CifarDownloader {

    private static final int BUFFER = 1 << 16;

    private final DataSettings settings;

    /**
     * Creates a downloader.
     *
     * @param settings the URL, expected size and MD5, target folder, timeout and progress-bar switch
     */
    public CifarDownloader(DataSettings settings) {
        this.settings = settings;
    }

    /** Returns where the verified archive lives: {@code lra.data.dir/<file name of the URL>}. */
    public Path archivePath() {
        String path = settings.url().getPath();
        String name = path == null || path.isEmpty() || path.endsWith("/")
                ? "cifar-10-binary.tar.gz"
                : path.substring(path.lastIndexOf('/') + 1);
        return settings.dir().resolve(name);
    }

    /**
     * Returns the archive, downloading it first when it is not in {@code lra.data.dir} yet. An archive already
     * there is trusted when its size matches: it only gets its name after its MD5 was checked.
     *
     * @return the verified archive
     * @throws DataUnavailableException when downloading is off, the network fails, the server refuses, or the
     *     file does not match its size and MD5; the message says how to give a local copy
     * @throws IOException when the folder cannot be written
     */
    public Path ensureArchive() throws IOException {
        Path target = archivePath();
        if (Files.isRegularFile(target) && Files.size(target) == settings.archiveSize()) {
            return target;
        }
        if (!settings.download()) {
            throw new DataUnavailableException("no local CIFAR-10 copy was given and downloading is switched off "
                    + "(lra.data.download = false). " + localCopyHint());
        }
        Files.createDirectories(settings.dir());
        Path temp = Files.createTempFile(settings.dir(), "." + target.getFileName() + ".", ".part");
        boolean done = false;
        try {
            String md5 = fetch(temp);
            long size = Files.size(temp);
            if (size != settings.archiveSize() || !md5.equals(settings.archiveMd5())) {
                throw new DataUnavailableException(String.format(Locale.ROOT,
                        "the file downloaded from %s has %,d bytes and MD5 %s but %,d bytes and MD5 %s were "
                                + "expected; it was deleted. Retry later, or: %s",
                        settings.url(), size, md5, settings.archiveSize(), settings.archiveMd5(), localCopyHint()));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return target;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Streams the URL into {@code file} and returns the MD5 of what arrived. */
    private String fetch(Path file) throws IOException {
        URI url = settings.url();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DataUnavailableException("could not download " + url + " (" + e
                    + "); this machine may be offline. " + localCopyHint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new DataUnavailableException("the server refused the download of " + url + " (HTTP "
                        + response.statusCode() + "). " + localCopyHint());
            }
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(settings.archiveSize());
            return copy(body, file, announced);
        }
    }

    private String copy(InputStream body, Path file, long announced) throws IOException {
        MessageDigest md5 = md5();
        long received = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(file); ProgressBar bar = progressBar(announced)) {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                md5.update(buffer, 0, n);
                received += n;
                if (bar != null) {
                    bar.stepBy(n);
                }
                if (received > settings.archiveSize()) {
                    throw new DataUnavailableException(String.format(Locale.ROOT,
                            "the download of %s sent more than the expected %,d bytes; it was stopped and deleted. %s",
                            settings.url(), settings.archiveSize(), localCopyHint()));
                }
            }
        } catch (DataUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw new DataUnavailableException(String.format(Locale.ROOT,
                    "the download of %s broke off after %,d bytes (%s); the partial file was deleted. %s",
                    settings.url(), received, e, localCopyHint()), e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private ProgressBar progressBar(long max) {
        if (!settings.progressBar()) {
            return null;
        }
        return new ProgressBarBuilder()
                .setTaskName("CIFAR-10")
                .setInitialMax(max)
                .setUnit("MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    private String localCopyHint() {
        return String.format(Locale.ROOT, "To use a local copy instead, get cifar-10-binary.tar.gz (%s, %,d bytes, "
                + "MD5 %s) and point at it with --data PATH; PATH may also be its extracted cifar-10-batches-bin "
                + "folder or an image folder with train/<class>/ and test/<class>/.",
                settings.url(), settings.archiveSize(), settings.archiveMd5());
    }
}
