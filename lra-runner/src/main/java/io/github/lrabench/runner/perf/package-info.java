/**
 * {@code lra perf}: measures what the machine can do (an fp32 matrix-multiply limit per engine) and how close each
 * provider comes to it (training and inference throughput, achieved FLOP rate, ops per step, peak memory), and how
 * each provider's training cost grows with the sequence length. Every engine is named explicitly, so that DJL
 * PyTorch and DJL MXNet are measured in one process and one run.
 */
package io.github.lrabench.runner.perf;
