/**
 * JMH micro-benchmarks of the models' hot blocks on DJL (softmax and Nyström attention, Fourier mixing by FFT and
 * by DFT, the TrellisNet levels, LipschitzRNN steps) and of whole classifiers at small size. Every benchmark names
 * its engine ({@code -p engine=PyTorch,MXNet}); none runs during the Maven build.
 */
package io.github.lrabench.benchmarks;
