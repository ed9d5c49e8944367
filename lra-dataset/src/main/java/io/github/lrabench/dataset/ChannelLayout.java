package io.github.lrabench.dataset;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the three colour channels of {@code scifar} are laid out along the sequence. */
public enum ChannelLayout {

    /** Step {@code t} holds the (R, G, B) values of pixel {@code t}: the standard sCIFAR layout. */
    PIXEL_TRIPLES("pixel-triples"),

    /**
     * LipschitzRNN's reference layout: the (3, 32, 32) buffer viewed as (1024, 3), so step {@code t} holds the three
     * consecutive values {@code 3t, 3t+1, 3t+2} of the channel-major buffer (steps 0–340 are mostly red, 341–682
     * green, the rest blue). Only for reproducing that code; never chosen implicitly.
     */
    CHANNEL_MAJOR("channel-major");

    private final String id;

    ChannelLayout(String id) {
        this.id = id;
    }

    /** Returns the configuration name, e.g. {@code pixel-triples}. */
    public String id() {
        return id;
    }

    /**
     * Returns the layout with this name.
     *
     * @param id {@code pixel-triples} or {@code channel-major}
     * @return the layout
     * @throws IllegalArgumentException naming the known layouts
     */
    public static ChannelLayout fromId(String id) {
        for (ChannelLayout layout : values()) {
            if (layout.id.equals(id)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown channel layout '" + id + "'; known: "
                + Arrays.stream(values()).map(ChannelLayout::id).collect(Collectors.joining(", ")));
    }
}
