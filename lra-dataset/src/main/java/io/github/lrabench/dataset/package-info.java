/**
 * CIFAR-10 for the pixel-sequence benchmarks: readers for the official binary release and for image folders,
 * the checked download, the decode cache, the {@code lra-image} and {@code scifar} encodings, the protocol splits,
 * DJL dataset adapters, inspection, export, and a seeded synthetic generator.
 *
 * <p>Typical use: {@link io.github.lrabench.dataset.DataSettings#fromConfig} → {@link
 * io.github.lrabench.dataset.CifarLoader#load} → {@link io.github.lrabench.dataset.Splitter#split} → {@link
 * io.github.lrabench.dataset.PixelEncoder#encode} → {@link io.github.lrabench.dataset.DjlDatasets#create}.
 */
package io.github.lrabench.dataset;
