package io.github.lrabench.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Not a test: a small program that loads a real CIFAR-10 copy twice (decode, then cache) and prints counts and
 * timings. Usage: {@code RealDataMeasurement DATA_PATH CACHE_DIR}; the cache folder is emptied first.
 */
public final class RealDataMeasurement {

    private RealDataMeasurement() {}

    /**
     * Runs the measurement.
     *
     * @param args the data path and a scratch data folder
     * @throws IOException when loading fails
     */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        FileTrees.deleteRecursively(scratch);
        DataSettings settings = TestSettings.of(scratch, 10_000,
                Map.of("decode-threads", Runtime.getRuntime().availableProcessors()));
        CifarLoader loader = new CifarLoader(settings);
        CifarSource source = CifarSource.detect(data);
        System.out.println("source: " + source.describe() + ", decode threads " + settings.decodeThreads());

        LoadResult first = loader.loadDetailed(source);
        print("first load", first);
        for (int i = 0; i < 3; i++) {
            print("reload " + (i + 1), loader.loadDetailed(source));
        }
        System.out.printf(Locale.ROOT, "cache file: %s (%,d bytes)%n", first.cacheFile().orElseThrow(),
                Files.size(first.cacheFile().orElseThrow()));

        CifarData cifar = first.data();
        System.out.println();
        System.out.println(DataInspector.fromSettings(settings).inspect(cifar).toText());
        DataSplits lra = Splitter.split(cifar, settings.split(PixelEncoding.LRA_IMAGE));
        System.out.println(DataInspector.fromSettings(settings).inspect(lra).toText());

        long start = System.nanoTime();
        EncodedSplit tokens = new PixelEncoder(settings.encoding(PixelEncoding.LRA_IMAGE)).encode(lra.train());
        System.out.printf(Locale.ROOT, "lra-image encode of %,d images: %.2f s, shape %s%n", tokens.size(),
                (System.nanoTime() - start) / 1e9, tokens.shape());
        start = System.nanoTime();
        EncodedSplit features = new PixelEncoder(settings.encoding(PixelEncoding.SCIFAR)).encode(lra.train());
        System.out.printf(Locale.ROOT, "scifar encode of %,d images: %.2f s, shape %s%n", features.size(),
                (System.nanoTime() - start) / 1e9, features.shape());
    }

    private static void print(String what, LoadResult result) {
        System.out.printf(Locale.ROOT, "%-10s %7.2f s  from cache: %s  train %,d  test %,d%n", what,
                result.elapsed().toNanos() / 1e9, result.fromCache(), result.data().train().size(),
                result.data().test().size());
    }
}
