/**
 * Attention models for pixel sequences: the Pixel Transformer ({@code pit}), the Nyströmformer ({@code
 * nystromformer}) and the LRA Transformer baseline ({@code transformer}).
 *
 * <p>The three providers share one encoder: {@link io.github.lrabench.api.InputEmbedding}, a stack of pre-LN
 * {@link io.github.lrabench.models.attention.EncoderBlock}s whose {@link
 * io.github.lrabench.models.attention.MultiHeadAttention} takes a pluggable {@link
 * io.github.lrabench.models.attention.AttentionKernel} (exact softmax or Nyström), a final layer norm, and a
 * {@link io.github.lrabench.models.attention.ClassifierHead}. Every op takes the batch's array as its first
 * operand, so no result lands in the model's long-lived {@code NDManager}.
 */
package io.github.lrabench.models.attention;
