package io.github.lrabench.runner.perf;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts ops with PyTorch's autograd profiler, which DJL PyTorch exposes ({@code JniUtils.startProfile} /
 * {@code stopProfile}, writing a Chrome trace). An op is counted when no other event of the same thread encloses
 * it: top-level ATen calls (what DJL dispatches one JNI call at a time) and one event per autograd node run by
 * the backward pass; the ATen calls nested inside those are not counted again.
 */
final class PyTorchOpCounter implements OpCounter {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public OpTally tally(Runnable work) {
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
            return tallyTopLevel(mapper.readTree(trace.toFile()));
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
     * Tallies the events of a Chrome trace that no other event of the same thread encloses: their number, and
     * their calls and summed duration per name.
     *
     * @param trace the trace: an array of events with {@code name}, {@code ph}, {@code tid}, {@code ts} and
     *     {@code dur} (microseconds)
     * @return the top-level complete events, counted and timed
     */
    static OpTally tallyTopLevel(JsonNode trace) {
        record Event(String name, String thread, double start, double end) {}
        List<Event> events = new ArrayList<>();
        for (JsonNode event : trace) {
            if ("X".equals(event.path("ph").asText())) {
                double start = event.path("ts").asDouble();
                events.add(new Event(event.path("name").asText(), event.path("tid").asText(), start,
                        start + event.path("dur").asDouble()));
            }
        }
        events.sort(Comparator.comparing(Event::thread).thenComparingDouble(Event::start)
                .thenComparing(Comparator.comparingDouble(Event::end).reversed()));
        long count = 0;
        Map<String, OpTime> byName = new HashMap<>();
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
                double ms = (event.end() - event.start()) / 1000.0;
                byName.merge(event.name(), new OpTime(event.name(), 1, ms),
                        (a, b) -> new OpTime(a.name(), a.calls() + 1, a.milliseconds() + b.milliseconds()));
            } else {
                end = Math.max(end, event.end());
            }
        }
        return new OpTally(count, List.copyOf(byName.values()));
    }
}
