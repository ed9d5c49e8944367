package io.github.lrabench.runner;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.github.lrabench.api.ParameterGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A classifier's {@link ParameterGroup optimisation groups} resolved against its block's parameters: which group,
 * if any, each trainable parameter belongs to.
 */
final class ParameterGroupAssignment {

    private final List<ParameterGroup> groups;
    private final Map<String, Integer> groupById;
    private final Map<Integer, List<String>> pathsByGroup;
    private final int ungrouped;

    private ParameterGroupAssignment(List<ParameterGroup> groups, Map<String, Integer> groupById,
            Map<Integer, List<String>> pathsByGroup, int ungrouped) {
        this.groups = groups;
        this.groupById = groupById;
        this.pathsByGroup = pathsByGroup;
        this.ungrouped = ungrouped;
    }

    /** Returns the assignment of a classifier that declares no groups. */
    static ParameterGroupAssignment none() {
        return new ParameterGroupAssignment(List.of(), Map.of(), Map.of(), 0);
    }

    /**
     * Resolves groups against a block's parameters; only trainable parameters are assigned.
     *
     * @param model the provider id, for messages
     * @param groups the declared groups
     * @param parameters the block's parameters with their paths
     * @return the assignment
     * @throws IllegalArgumentException listing every group that matches no trainable parameter, every parameter
     *     matched by two groups and every repeated group name
     */
    static ParameterGroupAssignment resolve(String model, List<ParameterGroup> groups,
            PairList<String, Parameter> parameters) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> groupById = new HashMap<>();
        Map<Integer, List<String>> pathsByGroup = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            pathsByGroup.put(g, new ArrayList<>());
            for (int earlier = 0; earlier < g; earlier++) {
                if (groups.get(earlier).name().equals(groups.get(g).name())) {
                    problems.add("two parameter groups are named '" + groups.get(g).name() + "'");
                }
            }
        }
        int ungrouped = 0;
        for (Pair<String, Parameter> parameter : parameters) {
            if (!parameter.getValue().requiresGradient()) {
                continue;
            }
            String path = parameter.getKey();
            Integer owner = null;
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).matches(path)) {
                    if (owner != null) {
                        problems.add("parameter " + path + " is in two groups, '" + groups.get(owner).name()
                                + "' and '" + groups.get(g).name() + "'");
                    } else {
                        owner = g;
                    }
                }
            }
            if (owner == null) {
                ungrouped++;
            } else {
                groupById.put(parameter.getValue().getId(), owner);
                pathsByGroup.get(owner).add(path);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (pathsByGroup.get(g).isEmpty()) {
                problems.add("parameter group '" + groups.get(g).name() + "' (pattern " + groups.get(g).pathPattern()
                        + ") matches no trainable parameter");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid parameter groups of " + model + ": "
                    + String.join("; ", problems));
        }
        return new ParameterGroupAssignment(List.copyOf(groups), groupById, pathsByGroup, ungrouped);
    }

    /** Returns the declared groups, in declaration order. */
    List<ParameterGroup> groups() {
        return groups;
    }

    /**
     * Returns the index in {@link #groups()} of the group a parameter belongs to.
     *
     * @param parameterId the DJL parameter id
     * @return the index, or empty for a parameter in no group
     */
    Optional<Integer> groupOf(String parameterId) {
        return Optional.ofNullable(groupById.get(parameterId));
    }

    /**
     * Describes the groups for the result's notes.
     *
     * @param settings the run's optimiser settings
     * @return one line, or empty when no group is declared
     */
    Optional<String> describe(TrainingSettings settings) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ParameterGroup group = groups.get(g);
            List<String> paths = pathsByGroup.get(g);
            parts.add(String.format(Locale.ROOT, "'%s' (%d tensors: %s) at peak learning rate %s, weight decay %s",
                    group.name(), paths.size(), String.join(", ", paths),
                    group.learningRate().isPresent() ? String.valueOf(group.learningRate().getAsDouble())
                            : settings.learningRate() + " (the run's)",
                    group.weightDecay() ? "on (" + settings.weightDecay() + ")" : "off"));
        }
        return Optional.of(String.format(Locale.ROOT, "optimiser parameter groups, each following the run's"
                + " schedule shape: %s; the other %d tensors at the run's peak learning rate %s and weight decay %s",
                String.join("; ", parts), ungrouped, settings.learningRate(), settings.weightDecay()));
    }
}
