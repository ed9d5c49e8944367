/**
 * Recurrent sequence classifiers: TrellisNet (Bai, Kolter, Koltun, ICLR 2019) and LipschitzRNN (Erichson et al.,
 * ICLR 2021), registered as the providers {@code trellisnet} and {@code lipschitzrnn}.
 *
 * <p>Both blocks are engine-agnostic (they run on DJL PyTorch and DJL MXNet) and keep every intermediate array in
 * the batch's {@code NDManager}: an op on parameters always starts from an array of the batch (see {@link
 * io.github.lrabench.models.recurrent.BatchArrays}).
 */
package io.github.lrabench.models.recurrent;
