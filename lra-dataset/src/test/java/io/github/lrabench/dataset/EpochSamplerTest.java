package io.github.lrabench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EpochSamplerTest {

    @Test
    void epochOrderDependsOnlyOnSeedAndEpoch() {
        EpochSampler a = new EpochSampler(8, false, EpochSampler.Shuffle.EXAMPLES, 5);
        EpochSampler b = new EpochSampler(8, false, EpochSampler.Shuffle.EXAMPLES, 5);
        EpochSampler otherSeed = new EpochSampler(8, false, EpochSampler.Shuffle.EXAMPLES, 6);

        assertThat(a.batches(3, 50)).isEqualTo(b.batches(3, 50));
        assertThat(a.batches(3, 50)).isNotEqualTo(a.batches(4, 50));
        assertThat(otherSeed.batches(3, 50)).isNotEqualTo(a.batches(3, 50));
        assertThat(flatten(a.batches(3, 50))).containsExactlyInAnyOrderElementsOf(range(50));
        assertThat(flatten(a.batches(3, 50))).isNotEqualTo(range(50));
    }

    @Test
    void dropLastDropsTheShortBatch() {
        EpochSampler keep = new EpochSampler(8, false, EpochSampler.Shuffle.NONE, 0);
        EpochSampler drop = new EpochSampler(8, true, EpochSampler.Shuffle.NONE, 0);

        assertThat(keep.batches(0, 50)).hasSize(7);
        assertThat(keep.batches(0, 50).get(6)).containsExactly(48L, 49L);
        assertThat(drop.batches(0, 50)).hasSize(6).allSatisfy(batch -> assertThat(batch).hasSize(8));
        assertThat(flatten(keep.batches(0, 50))).isEqualTo(range(50));
    }

    @Test
    void batchOrderShuffleKeepsBatchesContiguous() {
        EpochSampler sampler = new EpochSampler(10, true, EpochSampler.Shuffle.BATCH_ORDER, 1);

        List<List<Long>> batches = sampler.batches(0, 100);

        assertThat(batches).hasSize(10);
        for (List<Long> batch : batches) {
            assertThat(batch.get(0) % 10).isZero();
            assertThat(batch.get(9)).isEqualTo(batch.get(0) + 9);
        }
        assertThat(batches.stream().map(batch -> batch.get(0)).collect(Collectors.toList()))
                .isNotEqualTo(List.of(0L, 10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L));
    }

    @Test
    void nextEpochAdvancesAndCanBeSetForResume() {
        EpochSampler sampler = new EpochSampler(4, false, EpochSampler.Shuffle.EXAMPLES, 9);
        assertThat(sampler.nextEpoch()).isZero();
        sampler.setNextEpoch(12);
        assertThat(sampler.nextEpoch()).isEqualTo(12);
        assertThat(sampler.getBatchSize()).isEqualTo(4);
    }

    static List<Long> flatten(List<List<Long>> batches) {
        return batches.stream().flatMap(List::stream).collect(Collectors.toList());
    }

    static List<Long> range(int n) {
        return java.util.stream.LongStream.range(0, n).boxed().collect(Collectors.toList());
    }
}
