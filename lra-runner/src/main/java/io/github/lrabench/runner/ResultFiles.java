package io.github.lrabench.runner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes {@code result.json} files. */
public final class ResultFiles {

    /** The name of a trial's result file. */
    public static final String RESULT_FILE = "result.json";

    /** Where a suite keeps a finished result it found stale (its plugin jar changed) before running it again. */
    public static final String STALE_FILE = "result.stale.json";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Serialises a result as JSON text.
     *
     * @param result the result
     * @return the JSON
     */
    public String toJson(RunResult result) {
        try {
            return mapper.writeValueAsString(result) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a result atomically.
     *
     * @param file the target file
     * @param result the result
     * @throws UncheckedIOException when it cannot be written
     */
    public void write(Path file, RunResult result) {
        try {
            AtomicFiles.write(file, toJson(result).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a result.
     *
     * @param file the file
     * @return the result
     * @throws IllegalArgumentException naming the file when it is not a valid result
     */
    public RunResult read(Path file) {
        try {
            RunResult result = mapper.readValue(file.toFile(), RunResult.class);
            if (result.schemaVersion() != RunResult.SCHEMA_VERSION || result.trial() == null) {
                throw new IllegalArgumentException(file + ": not a result of schema version "
                        + RunResult.SCHEMA_VERSION);
            }
            return result;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage().replaceAll("`[^`]*\\.([A-Za-z]+)`", "$1")
                    .replaceAll("\\s*\\(for Object starting at .*", "");
            throw new IllegalArgumentException(file + " is not a valid result.json" + where + ": " + what
                    + " (a damaged or partly copied file: run its trial again, or remove it)", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Finds every {@code result.json} under some folders (for merging results copied from many machines).
     *
     * @param roots the folders
     * @return the files, sorted
     */
    public static List<Path> find(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("results folder " + root.toAbsolutePath() + " does not exist");
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(p -> p.getFileName().toString().equals(RESULT_FILE)).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }
}
