/**
 * Diagonal state-space models for pixel-sequence classification: S4D (Gu, Gupta, Goel and Ré, NeurIPS 2022,
 * arXiv:2206.11893), the family that leads LRA Image.
 *
 * <p>The provider {@link io.github.lrabench.models.ssm.S4DProvider} (id {@code s4d}, family {@code state-space})
 * needs an engine with FFT (DJL PyTorch); it declares its state-space parameters as an optimisation group with
 * their own learning rate and no weight decay, as its published recipe does.
 */
package io.github.lrabench.models.ssm;
