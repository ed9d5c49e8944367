package io.github.lrabench.models.recurrent;

/** How LipschitzRNN reads a continuous {@code (B, L, C)} input. */
public enum InputLayout {
    /** The standard sCIFAR layout: step {@code t} holds the {@code C} channels of pixel {@code t}. */
    PIXEL,
    /**
     * The reference code's layout (models.md §3.5): it views the channel-major image buffer {@code (C, L)} as
     * {@code (L, C)}, so step {@code t} holds the flat buffer entries {@code t C .. t C + C - 1}, i.e. {@code C}
     * consecutive pixels of one colour plane (steps 0–340 ≈ red, then green, then blue for CIFAR). Only for
     * reproducing the published 64.2%; it has no effect on one-channel (token) inputs.
     */
    CHANNEL_MAJOR
}
