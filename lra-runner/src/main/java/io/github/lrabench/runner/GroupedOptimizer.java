package io.github.lrabench.runner;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;

/**
 * Routes each parameter's update to the optimiser of its {@link io.github.lrabench.api.ParameterGroup group}
 * (DJL passes the parameter id to {@link Optimizer#update}); parameters in no group go to the run's optimiser.
 * Every parameter is updated by exactly one optimiser, which keeps its moments and update count.
 */
final class GroupedOptimizer extends Optimizer {

    private final Optimizer others;
    private final List<Optimizer> groups;
    private final ParameterGroupAssignment assignment;

    /**
     * Creates the router.
     *
     * @param others the optimiser of the parameters in no group
     * @param groups one optimiser per group, in the order of {@link ParameterGroupAssignment#groups()}
     * @param assignment which group each parameter belongs to
     */
    GroupedOptimizer(Optimizer others, List<Optimizer> groups, ParameterGroupAssignment assignment) {
        super(new NoOptions());
        if (groups.size() != assignment.groups().size()) {
            throw new IllegalArgumentException(groups.size() + " optimisers for " + assignment.groups().size()
                    + " parameter groups");
        }
        this.others = others;
        this.groups = List.copyOf(groups);
        this.assignment = assignment;
    }

    /** {@inheritDoc} */
    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        assignment.groupOf(parameterId).map(groups::get).orElse(others).update(parameterId, weight, grad);
    }

    /** The router has no options of its own: rescaling, clipping and decay belong to the optimisers it routes to. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
