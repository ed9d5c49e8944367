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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts ops with PyTorch's autograd profiler, which DJL PyTorch exposes ({@code JniUtils.startProfile} /
 * {@code stopProfile}, writing a Chrome trace). An op is counted when no other event of the same thread encloses
 * it: top-level ATen calls (what DJL dispatches one JNI call at a time) and one event per autograd node run by
 * the backward pass; the ATen calls nested inside those are not counted again.
 */
final class PyTorchOpCounter implements OpCounter {

    /** Ops that only make a new view of existing memory (or reserve it): they move no data. */
    private static final Set<String> VIEWS = Set.of("aten::view", "aten::_unsafe_view", "aten::reshape",
            "aten::_reshape_alias", "aten::as_strided", "aten::expand", "aten::expand_as", "aten::transpose",
            "aten::t", "aten::permute", "aten::unsqueeze", "aten::squeeze", "aten::select", "aten::slice",
            "aten::narrow", "aten::alias", "aten::detach", "aten::detach_", "aten::empty", "aten::empty_like",
            "aten::empty_strided", "aten::resize_", "aten::split", "aten::split_with_sizes", "aten::unbind",
            "aten::chunk", "aten::lift_fresh", "aten::set_", "aten::swapaxes", "aten::numpy_T", "aten::view_as");

    private static final Pattern MEMORY = Pattern.compile("(-?[0-9.]+) ?([KMG]?)b");

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
            JniUtils.startProfile(false, true, true);
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
     * their calls and summed duration per name; and the bytes the innermost events (the kernels) read and wrote.
     *
     * @param trace the trace: an array of events with {@code name}, {@code ph}, {@code tid}, {@code ts} and
     *     {@code dur} (microseconds), and with shapes recorded, {@code shape} (the input shapes) and {@code cpu mem}
     *     (the memory the event allocated, as PyTorch formats it, e.g. {@code "4.00 Mb"})
     * @return the top-level complete events, counted and timed
     */
    static OpTally tallyTopLevel(JsonNode trace) {
        record Event(String name, String thread, double start, double end, long bytes) {}
        List<Event> events = new ArrayList<>();
        for (JsonNode event : trace) {
            if ("X".equals(event.path("ph").asText())) {
                double start = event.path("ts").asDouble();
                String name = event.path("name").asText();
                events.add(new Event(name, event.path("tid").asText(), start,
                        start + event.path("dur").asDouble(), kernelBytes(name, event)));
            }
        }
        events.sort(Comparator.comparing(Event::thread).thenComparingDouble(Event::start)
                .thenComparing(Comparator.comparingDouble(Event::end).reversed()));
        long count = 0;
        long bytes = 0;
        Map<String, OpTime> byName = new HashMap<>();
        String thread = null;
        double end = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (!event.thread().equals(thread)) {
                thread = event.thread();
                end = Double.NEGATIVE_INFINITY;
            }
            if (event.start() >= end) {
                count++;
                end = event.end();
                double ms = (event.end() - event.start()) / 1000.0;
                byName.merge(event.name(), new OpTime(event.name(), 1, ms), OpTime::plus);
            } else {
                end = Math.max(end, event.end());
            }
            Event next = i + 1 < events.size() ? events.get(i + 1) : null;
            boolean innermost = next == null || !next.thread().equals(event.thread()) || next.start() >= event.end();
            if (innermost) {
                bytes += event.bytes();
            }
        }
        return new OpTally(count, bytes, List.copyOf(byName.values()));
    }

    /**
     * Returns the bytes an event's kernel touches: its fp32 tensor inputs read, plus the memory it allocated
     * (its outputs, written), 0 for ops that only make views. An estimate: integer and boolean tensors count 4
     * bytes per element, and in-place writes count only as reads.
     */
    static long kernelBytes(String name, JsonNode event) {
        if (VIEWS.contains(name)) {
            return 0;
        }
        long elements = 0;
        for (JsonNode shape : event.path("shape")) {
            if (shape.isArray() && shape.size() > 0) {
                long size = 1;
                for (JsonNode dimension : shape) {
                    size *= dimension.asLong();
                }
                elements += size;
            }
        }
        long allocated = 0;
        Matcher memory = MEMORY.matcher(event.path("cpu mem").asText(""));
        if (memory.matches()) {
            double value = Double.parseDouble(memory.group(1));
            double unit = switch (memory.group(2)) {
                case "K" -> 1024.0;
                case "M" -> 1024.0 * 1024;
                case "G" -> 1024.0 * 1024 * 1024;
                default -> 1.0;
            };
            allocated = Math.max(0, Math.round(value * unit));
        }
        return elements * Float.BYTES + allocated;
    }
}
