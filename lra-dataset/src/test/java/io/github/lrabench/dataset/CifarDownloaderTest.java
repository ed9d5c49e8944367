package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server on 127.0.0.1 serving small generated archives; never the internet. */
class CifarDownloaderTest {

    private static final int PER_FILE = 3;

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void downloadsVerifiesAndKeepsTheArchive() throws IOException {
        byte[] archive = Files.readAllBytes(SyntheticCifar.writeArchive(dir.resolve("src/a.tar.gz"), PER_FILE, 4));
        String url = serve(200, archive);
        Path data = dir.resolve("data");
        DataSettings settings = settings(data, url, archive.length, md5(archive), Map.of("progress-bar", true));

        Path file = new CifarDownloader(settings).ensureArchive();

        assertThat(file).isEqualTo(data.resolve("cifar-10-binary.tar.gz"));
        assertThat(Files.readAllBytes(file)).isEqualTo(archive);
        assertThat(names(data)).containsExactly("cifar-10-binary.tar.gz");
        assertThat(new CifarDownloader(settings).ensureArchive()).isEqualTo(file);
        assertThat(requests.get()).as("a verified archive is not fetched again").isEqualTo(1);
    }

    @Test
    void loaderDownloadsWhenNoLocalCopyIsGiven() throws IOException {
        byte[] archive = Files.readAllBytes(SyntheticCifar.writeArchive(dir.resolve("src/a.tar.gz"), PER_FILE, 4));
        String url = serve(200, archive);
        DataSettings settings = settings(dir.resolve("data"), url, archive.length, md5(archive), Map.of());

        CifarData data = new CifarLoader(settings).load(java.util.Optional.empty());

        CifarData expected = SyntheticCifar.generate(5 * PER_FILE, PER_FILE, 4);
        assertThat(data.train()).isEqualTo(expected.train());
        assertThat(data.test()).isEqualTo(expected.test());
        assertThat(names(dir.resolve("data"))).containsExactlyInAnyOrder("cifar-10-binary.tar.gz", "cache");
    }

    @Test
    void checksumMismatchDeletesTheFileAndSaysHowToGiveALocalCopy() throws IOException {
        byte[] archive = Files.readAllBytes(SyntheticCifar.writeArchive(dir.resolve("src/a.tar.gz"), PER_FILE, 4));
        byte[] tampered = archive.clone();
        tampered[tampered.length / 2] ^= 1;
        String url = serve(200, tampered);
        Path data = dir.resolve("data");
        DataSettings settings = settings(data, url, archive.length, md5(archive), Map.of());

        assertThatThrownBy(() -> new CifarDownloader(settings).ensureArchive())
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("MD5 " + md5(tampered))
                .hasMessageContaining("MD5 " + md5(archive) + " were expected")
                .hasMessageContaining("--data PATH");
        assertThat(names(data)).isEmpty();
    }

    @Test
    void tooLongDownloadIsStopped() throws IOException {
        byte[] archive = Files.readAllBytes(SyntheticCifar.writeArchive(dir.resolve("src/a.tar.gz"), PER_FILE, 4));
        byte[] longer = java.util.Arrays.copyOf(archive, archive.length + 1000);
        String url = serve(200, longer);
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> new CifarDownloader(
                        settings(data, url, archive.length, md5(archive), Map.of())).ensureArchive())
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("more than the expected");
        assertThat(names(data)).isEmpty();
    }

    @Test
    void refusedDownloadNamesTheStatus() throws IOException {
        String url = serve(403, new byte[0]);
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> new CifarDownloader(
                        settings(data, url, 10, "0123456789abcdef0123456789abcdef", Map.of())).ensureArchive())
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("--data PATH");
        assertThat(names(data)).isEmpty();
    }

    @Test
    void unreachableServerSaysHowToGiveALocalCopy() throws IOException {
        String url = serve(200, new byte[1]);
        server.stop(0);
        server = null;
        Path data = dir.resolve("data");

        assertThatThrownBy(() -> new CifarDownloader(
                        settings(data, url, 10, "0123456789abcdef0123456789abcdef", Map.of())).ensureArchive())
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("could not download " + url)
                .hasMessageContaining("offline")
                .hasMessageContaining("--data PATH");
        assertThat(names(data)).isEmpty();
    }

    @Test
    void downloadSwitchedOffTouchesNoNetwork() {
        DataSettings settings = settings(dir.resolve("data"), "http://127.0.0.1:9/never", 10,
                "0123456789abcdef0123456789abcdef", Map.of("download", false));

        assertThatThrownBy(() -> new CifarLoader(settings).load(java.util.Optional.empty()))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("lra.data.download = false")
                .hasMessageContaining("--data PATH");
    }

    private String serve(int status, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/kriz/cifar-10-binary.tar.gz";
    }

    private static DataSettings settings(Path data, String url, long size, String md5, Map<String, Object> extra) {
        Map<String, Object> overrides = new java.util.HashMap<>(Map.of(
                "url", url, "archive-size", size, "archive-md5", md5));
        overrides.putAll(extra);
        return TestSettings.of(data, PER_FILE, overrides);
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
