package io.github.lrabench.runner.perf;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts ops with PyTorch's autograd profiler, which DJL PyTorch exposes ({@code JniUtils.startProfile} /
 * {@code stopProfile}, writing a Chrome trace). An op is counted when no other event of the same thread encloses
 * it: top-level ATen calls (what DJL dispatches one JNI call at a time) and one event per autograd node run by
 * the backward pass; the ATen calls nested inside those are not counted again.
 */
final class PyTorchOpCounter implements OpCounter {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public long count(Runnable work) {
        Path trace;
        try {
            trace = Files.createTempFile("lra-perf-trace", ".json");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary file for the PyTorch profiler trace", e);
        }
        try {
            JniUtils.startProfile(false, false, false);
            try {
                work.run();
            } finally {
                JniUtils.stopProfile(trace.toString());
            }
            return countTopLevel(mapper.readTree(trace.toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the PyTorch profiler trace " + trace, e);
        } finally {
            try {
                Files.deleteIfExists(trace);
            } catch (IOException e) {
                // a leftover temporary file does no harm
            }
        }
    }

    @Override
    public String method() {
        return "PyTorch autograd profiler: top-level ATen calls and autograd nodes";
    }

    /**
     * Counts the events of a Chrome trace that no other event of the same thread encloses.
     *
     * @param trace the trace: an array of events with {@code ph}, {@code tid}, {@code ts} and {@code dur}
     * @return the number of top-level complete events
     */
    static long countTopLevel(JsonNode trace) {
        record Event(String thread, double start, double end) {}
        List<Event> events = new ArrayList<>();
        for (JsonNode event : trace) {
            if ("X".equals(event.path("ph").asText())) {
                double start = event.path("ts").asDouble();
                events.add(new Event(event.path("tid").asText(), start, start + event.path("dur").asDouble()));
            }
        }
        events.sort(Comparator.comparing(Event::thread).thenComparingDouble(Event::start)
                .thenComparing(Comparator.comparingDouble(Event::end).reversed()));
        long count = 0;
        String thread = null;
        double end = Double.NEGATIVE_INFINITY;
        for (Event event : events) {
            if (!event.thread().equals(thread)) {
                thread = event.thread();
                end = Double.NEGATIVE_INFINITY;
            }
            if (event.start() >= end) {
                count++;
                end = event.end();
            } else {
                end = Math.max(end, event.end());
            }
        }
        return count;
    }
}
