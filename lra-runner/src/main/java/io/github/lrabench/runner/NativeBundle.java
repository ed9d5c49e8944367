package io.github.lrabench.runner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which native library of an engine this runner bundles: DJL's native jars ({@code pytorch-native-cpu}, {@code
 * mxnet-native-mkl}) carry a {@code native/lib/<engine>.properties} file. The CPU build bundles both; the GPU build
 * ({@code -Pgpu}) none, and DJL downloads the natives for the machine on first use.
 */
public final class NativeBundle {

    private NativeBundle() {}

    /**
     * Describes the native library bundled for an engine.
     *
     * @param engineName the DJL engine name
     * @return e.g. {@code PyTorch 2.7.1-20250812 cpu}, or empty when the class path carries none for the engine
     */
    public static String bundledFor(String engineName) {
        String resource = "native/lib/" + engineName.toLowerCase(java.util.Locale.ROOT) + ".properties";
        try (InputStream in = NativeBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            Properties properties = new Properties();
            properties.load(in);
            String flavor = properties.getProperty("flavor", properties.getProperty("classifier", ""));
            return (engineName + " " + properties.getProperty("version", "") + " " + flavor).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
