package io.github.lrabench.runner;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The moment estimates of DJL's {@link Adam} and {@link AdamW}, made readable for a checkpoint and restorable into
 * the optimiser of a resumed trial, so that it continues the same optimisation instead of restarting Adam from
 * zero moments.
 *
 * <p>DJL keeps the estimates in two private maps and creates each parameter's entry on its first update, through
 * {@code Optimizer.withDefaultState}. The optimisers built here route that call through this object, which notes
 * the two maps in the order DJL's update asks for them (first moments, then second moments) and, where it holds
 * a restored estimate for the parameter, fills the new entry with it instead of zeros. Entries are keyed by the
 * parameter's path in the block, which, unlike its id, is the same in every run. Several optimisers may share one
 * object (one per {@link io.github.lrabench.api.ParameterGroup parameter group}, each updating its own
 * parameters): each optimiser's maps are noted separately, and a parameter's estimates live in the optimiser that
 * updates it.
 */
final class AdamMoments {

    private static final String[] KINDS = {"first", "second"};

    private final Map<String, String> pathById = new HashMap<>();
    /** Per optimiser (in order of first use): its moment maps, in the order DJL's update asks for them. */
    private final List<OptimizerMaps> optimizers = new ArrayList<>();
    private final Map<String, NDArray> restored = new HashMap<>();

    /**
     * Creates the moments of a block's parameters.
     *
     * @param parameters the block's parameters with their paths
     */
    AdamMoments(PairList<String, Parameter> parameters) {
        for (Pair<String, Parameter> parameter : parameters) {
            pathById.put(parameter.getValue().getId(), parameter.getKey());
        }
    }

    /**
     * Builds DJL's Adam whose moments this object reads and restores.
     *
     * @param builder the configured builder
     * @return the optimiser
     */
    Optimizer adam(Adam.Builder builder) {
        return new TrackedAdam(builder, this);
    }

    /**
     * Builds DJL's AdamW whose moments this object reads and restores.
     *
     * @param builder the configured builder
     * @return the optimiser
     */
    Optimizer adamW(AdamW.Builder builder) {
        return new TrackedAdamW(builder, this);
    }

    /**
     * Hands over estimates saved by {@link #snapshot()}; each fills its parameter's entry at its first update.
     *
     * @param saved the saved estimates (this object closes each once it is used)
     */
    void restore(NDList saved) {
        for (NDArray array : saved) {
            restored.put(array.getName(), array);
        }
    }

    /**
     * Returns the current estimates, named by kind and parameter path, for {@link NDList#encode()}. The arrays
     * are the optimiser's own (named here, not copied): encode them before the next update.
     *
     * @return the estimates; empty before the first update
     */
    NDList snapshot() {
        NDList list = new NDList();
        for (OptimizerMaps optimizer : optimizers) {
            List<Map<String, Map<Device, NDArray>>> maps = optimizer.maps();
            for (int kind = 0; kind < maps.size(); kind++) {
                for (Map.Entry<String, Map<Device, NDArray>> entry : maps.get(kind).entrySet()) {
                    for (NDArray array : entry.getValue().values()) {
                        array.setName(key(kind, entry.getKey()));
                        list.add(array);
                    }
                }
            }
        }
        return list;
    }

    private Function<String, NDArray> initialiser(Optimizer owner, Map<String, Map<Device, NDArray>> state,
            String parameterId, Function<String, NDArray> zeros) {
        int kind = kindOf(owner, state);
        return id -> {
            NDArray fresh = zeros.apply(id);
            NDArray saved = restored.remove(key(kind, parameterId));
            if (saved != null) {
                if (!saved.getShape().equals(fresh.getShape())) {
                    throw new IllegalStateException("the saved " + KINDS[kind] + " moment of parameter "
                            + pathById.get(parameterId) + " has shape " + saved.getShape() + ", expected "
                            + fresh.getShape());
                }
                saved.copyTo(fresh);
                saved.close();
            }
            return fresh;
        };
    }

    private int kindOf(Optimizer owner, Map<String, Map<Device, NDArray>> state) {
        List<Map<String, Map<Device, NDArray>>> maps = null;
        for (OptimizerMaps optimizer : optimizers) {
            if (optimizer.owner() == owner) {
                maps = optimizer.maps();
            }
        }
        if (maps == null) {
            maps = new ArrayList<>(KINDS.length);
            optimizers.add(new OptimizerMaps(owner, maps));
        }
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) == state) {
                return i;
            }
        }
        if (maps.size() == KINDS.length) {
            throw new IllegalStateException("the optimiser keeps more than " + KINDS.length + " kinds of state;"
                    + " AdamMoments knows Adam's two");
        }
        maps.add(state);
        return maps.size() - 1;
    }

    private String key(int kind, String parameterId) {
        return KINDS[kind] + ":" + pathById.getOrDefault(parameterId, parameterId);
    }

    /** One optimiser's moment maps. */
    private record OptimizerMaps(Optimizer owner, List<Map<String, Map<Device, NDArray>>> maps) {}

    /** DJL's Adam, its state created through {@link AdamMoments}. */
    private static final class TrackedAdam extends Adam {
        private final AdamMoments moments;

        TrackedAdam(Adam.Builder builder, AdamMoments moments) {
            super(builder);
            this.moments = moments;
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                Function<String, NDArray> defaultFunction) {
            return super.withDefaultState(state, key, device, moments.initialiser(this, state, key, defaultFunction));
        }
    }

    /** DJL's AdamW, its state created through {@link AdamMoments}. */
    private static final class TrackedAdamW extends AdamW {
        private final AdamMoments moments;

        TrackedAdamW(AdamW.Builder builder, AdamMoments moments) {
            super(builder);
            this.moments = moments;
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                Function<String, NDArray> defaultFunction) {
            return super.withDefaultState(state, key, device, moments.initialiser(this, state, key, defaultFunction));
        }
    }
}
