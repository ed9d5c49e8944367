package io.github.lrabench.runner;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the keys under {@code lra} that the user set but no {@code reference.conf} knows (a typo such as {@code
 * -Dlra.sedes=2} would otherwise be ignored in silence), each with the nearest known key.
 *
 * <p>The user's layers are compared against the merged reference tree (the runner's, each model module's and each
 * plugin jar's {@code reference.conf}). A few places are open maps whose entries the user may name freely (a new
 * profile, protocol, variant, encoding or split, a per-model block of a profile); an entry there is compared against
 * the union of the reference's entries of that map. The {@code training} and {@code data} blocks of a protocol, a
 * profile, and a profile's per-protocol and per-model blocks ({@code lra.profiles.<x>.protocols.<p>}, {@code
 * lra.profiles.<x>.models.<id>}) each share one set of keys: the union of all of them (a profile may override any
 * protocol key). A profile's per-model block may also name that model's {@code variant}.
 */
final class ConfigKeyCheck {

    /** Open maps: any child name is accepted, its content compared against the union of the known children. */
    private static final Set<String> OPEN_MAPS = Set.of(
            "lra.profiles", "lra.protocols", "lra.profiles.*.models", "lra.profiles.*.protocols",
            "lra.models.*.variants", "lra.data.encodings", "lra.data.splits", "lra.report.predecessor");

    /** A profile's per-model and per-protocol entries: each holds a training and a data block. */
    private static final Set<String> OVERLAY_ENTRIES = Set.of("lra.profiles.*.models.*", "lra.profiles.*.protocols.*");

    /** A profile's per-model entry, which may also name the model's own variant. */
    private static final String PER_MODEL_ENTRY = "lra.profiles.*.models.*";

    private static final List<String> OVERLAYS = List.of(
            "lra.protocols.*", "lra.profiles.*", "lra.profiles.*.models.*", "lra.profiles.*.protocols.*");

    /** Blocks that all accept the union of their keys. */
    private static final List<String> TRAINING_BLOCKS = OVERLAYS.stream().map(o -> o + ".training").toList();

    private static final List<String> DATA_BLOCKS = OVERLAYS.stream().map(o -> o + ".data").toList();

    private final ConfigObject reference;

    /**
     * @param reference the merged, unresolved reference configuration
     */
    ConfigKeyCheck(Config reference) {
        this.reference = reference.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true)).root();
    }

    /**
     * Returns one line per unknown key of the user's layers, empty when every key is known.
     *
     * @param user the user's layers merged (command line, system properties, config file)
     * @return the problems
     */
    List<String> unknownKeys(Config user) {
        List<String> problems = new ArrayList<>();
        ConfigValue lra = user.root().get("lra");
        ConfigValue known = reference.get("lra");
        if (lra instanceof ConfigObject userLra && known instanceof ConfigObject knownLra) {
            check(userLra, knownLra, "lra", "lra", problems);
        }
        return problems;
    }

    private void check(ConfigObject user, ConfigObject known, String path, String pattern, List<String> problems) {
        for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
            String key = entry.getKey();
            String childPath = path + "." + key;
            boolean open = OPEN_MAPS.contains(pattern);
            String childPattern = pattern + "." + (open ? "*" : key);
            ConfigValue template;
            if (TRAINING_BLOCKS.contains(childPattern)) {
                template = union(TRAINING_BLOCKS);
            } else if (DATA_BLOCKS.contains(childPattern)) {
                template = union(DATA_BLOCKS);
            } else if (OVERLAY_ENTRIES.contains(childPattern)) {
                ConfigObject entryKeys = com.typesafe.config.ConfigFactory.empty().root()
                        .withValue("training", union(TRAINING_BLOCKS))
                        .withValue("data", union(DATA_BLOCKS));
                template = childPattern.equals(PER_MODEL_ENTRY)
                        ? entryKeys.withValue("variant", ConfigValueFactory.fromAnyRef("cpu")) : entryKeys;
            } else if (OPEN_MAPS.contains(childPattern)) {
                template = union(List.of(childPattern));
            } else if (open) {
                template = union(List.of(childPattern));
            } else {
                template = known.get(key);
                if (template == null) {
                    problems.add("unknown configuration key '" + childPath + "' (set in "
                            + entry.getValue().origin().description() + ")" + suggestion(key, known, path));
                    continue;
                }
            }
            if (entry.getValue() instanceof ConfigObject userChild && template instanceof ConfigObject knownChild) {
                check(userChild, knownChild, childPath, childPattern, problems);
            }
        }
    }

    /** The merge of every reference object at the given patterns ({@code *} matches any key). */
    private ConfigObject union(List<String> patterns) {
        List<ConfigObject> matches = new ArrayList<>();
        for (String pattern : patterns) {
            collect(reference, pattern.split("\\."), 0, matches);
        }
        ConfigObject merged = com.typesafe.config.ConfigFactory.empty().root();
        for (ConfigObject match : matches) {
            merged = merged.withFallback(match);
        }
        return merged;
    }

    private static void collect(ConfigObject node, String[] parts, int index, List<ConfigObject> out) {
        if (index == parts.length) {
            out.add(node);
            return;
        }
        if (parts[index].equals("*")) {
            for (ConfigValue child : node.values()) {
                if (child instanceof ConfigObject object) {
                    collect(object, parts, index + 1, out);
                }
            }
        } else if (node.get(parts[index]) instanceof ConfigObject object) {
            collect(object, parts, index + 1, out);
        }
    }

    private static String suggestion(String key, ConfigObject known, String parent) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.keySet()) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "; '" + parent + "' has no keys" : "; did you mean '" + parent + "." + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
