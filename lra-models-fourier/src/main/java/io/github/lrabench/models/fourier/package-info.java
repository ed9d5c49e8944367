/**
 * FNet (Lee-Thorp et al., NAACL 2022, arXiv:2105.03824) for pixel-sequence classification: self-attention replaced
 * by the real part of a 2-D discrete Fourier transform over the sequence and hidden axes.
 *
 * <p>The provider {@link io.github.lrabench.models.fourier.FNetProvider} (id {@code fnet}, family {@code fourier})
 * runs on every DJL engine: it mixes with the engine's FFT where there is one (DJL PyTorch) and with real matrix
 * products against fixed cosine and sine matrices elsewhere (DJL MXNet).
 */
package io.github.lrabench.models.fourier;
