package io.github.lrabench.runner.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.lrabench.runner.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes a perf run's files: {@code perf.json}, {@code perf.md} and {@code length-scaling.png}, each atomically. */
public final class PerfFiles {

    /** The JSON report. */
    public static final String JSON = "perf.json";

    /** The Markdown tables. */
    public static final String MARKDOWN = "perf.md";

    /** The log-log plot of training time per sample against sequence length. */
    public static final String PLOT = "length-scaling.png";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Serialises a report as JSON text.
     *
     * @param report the report
     * @return the JSON, ending with a newline
     */
    public String toJson(PerfReport report) {
        try {
            return mapper.writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the three files into a folder (created when missing); each file is replaced atomically.
     *
     * @param report the report
     * @param dir the folder
     * @return the files written
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> write(PerfReport report, Path dir) {
        Path json = dir.resolve(JSON);
        Path markdown = dir.resolve(MARKDOWN);
        Path plot = dir.resolve(PLOT);
        try {
            AtomicFiles.write(json, toJson(report).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(markdown, PerfTables.markdown(report).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(plot, PerfPlot.lengthScalingPng(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the perf report into " + dir.toAbsolutePath(), e);
        }
        return List.of(json, markdown, plot);
    }
}
