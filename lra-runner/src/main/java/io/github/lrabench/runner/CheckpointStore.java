package io.github.lrabench.runner;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A trial's checkpoints: {@code latest/} (written at every evaluation, to resume from) and {@code best/} (the
 * best-validation parameters). Each is written into a temporary folder and renamed into place, and carries the
 * SHA-256 of its parameter file (and of its optimiser state, where it has one) so that a damaged checkpoint is
 * detected on load.
 */
public final class CheckpointStore {

    static final String LATEST = "latest";
    static final String BEST = "best";
    private static final String PREFIX = "model";
    private static final String STATE = "state.json";
    private static final String OPTIMIZER = "optimizer.ndlist";
    private static final String FOLDER = "checkpoints";

    private final Path root;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Creates the store.
     *
     * @param root the trial's checkpoint folder
     */
    public CheckpointStore(Path root) {
        this.root = root;
    }

    /**
     * Returns the store of a trial: the {@code checkpoints} folder inside the trial's folder.
     *
     * @param trialDir the trial's folder
     * @return the trial's checkpoint store
     */
    public static CheckpointStore ofTrial(Path trialDir) {
        return new CheckpointStore(trialDir.resolve(FOLDER));
    }

    /**
     * Returns the folder this store writes to.
     *
     * @return the checkpoint folder
     */
    public Path root() {
        return root;
    }

    /**
     * Saves the model's parameters, the optimiser's state and the loop state under a name.
     *
     * @param name {@link #LATEST} or {@link #BEST}
     * @param model the model
     * @param state the loop state (its hash fields are filled in here)
     * @param optimizerState the optimiser's named state arrays, or null to save none
     */
    public void save(String name, Model model, TrialState state, NDList optimizerState) {
        Path target = root.resolve(name);
        Path temp = root.resolve(name + ".tmp");
        Path old = root.resolve(name + ".old");
        try {
            AtomicFiles.deleteTree(temp);
            Files.createDirectories(temp);
            model.save(temp, PREFIX);
            String optimizerHash = null;
            if (optimizerState != null) {
                Files.write(temp.resolve(OPTIMIZER), optimizerState.encode());
                optimizerHash = hash(temp.resolve(OPTIMIZER));
            }
            TrialState hashed = withHashes(state, hash(parameterFile(temp)), optimizerHash);
            Files.write(temp.resolve(STATE), mapper.writeValueAsBytes(hashed));
            AtomicFiles.deleteTree(old);
            if (Files.exists(target)) {
                AtomicFiles.move(target, old);
            }
            AtomicFiles.move(temp, target);
            AtomicFiles.deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /**
     * Loads a checkpoint into a model whose block is already set and initialised.
     *
     * @param name {@link #LATEST} or {@link #BEST}
     * @param model the model
     * @return the saved loop state, or empty when there is no such checkpoint
     * @throws CorruptCheckpointException when it exists but is damaged
     */
    public Optional<TrialState> load(String name, Model model) {
        Path dir = directory(name);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            TrialState state = mapper.readValue(dir.resolve(STATE).toFile(), TrialState.class);
            String actual = hash(parameterFile(dir));
            if (!actual.equals(state.parametersSha256())) {
                throw new CorruptCheckpointException(dir + ": parameter file hash " + actual
                        + " does not match the recorded " + state.parametersSha256());
            }
            checkOptimizerState(dir, state);
            model.load(dir, PREFIX);
            return Optional.of(state);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof CorruptCheckpointException corrupt) {
                throw corrupt;
            }
            throw new CorruptCheckpointException(dir + " cannot be loaded: " + e.getMessage());
        }
    }

    /**
     * Loads the optimiser state saved with a checkpoint.
     *
     * @param name {@link #LATEST} or {@link #BEST}
     * @param manager the manager that owns the arrays read
     * @return the named state arrays, or empty when the checkpoint holds none (or was written before they were
     *     saved)
     * @throws CorruptCheckpointException when the file exists but is damaged
     */
    public Optional<NDList> loadOptimizerState(String name, NDManager manager) {
        Path dir = directory(name);
        Path file = dir.resolve(OPTIMIZER);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            checkOptimizerState(dir, mapper.readValue(dir.resolve(STATE).toFile(), TrialState.class));
            return Optional.of(NDList.decode(manager, Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CorruptCheckpointException corrupt) {
                throw corrupt;
            }
            throw new CorruptCheckpointException(file + " cannot be loaded: " + e.getMessage());
        }
    }

    /**
     * Reads the loop state of a checkpoint without loading its parameters (to check it before any training).
     *
     * @param name {@link #LATEST} or {@link #BEST}
     * @return the saved loop state, or empty when there is no such checkpoint or its state cannot be read (a
     *     later {@link #load} reports the damage)
     */
    public Optional<TrialState> peek(String name) {
        Path state = directory(name).resolve(STATE);
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(state.toFile(), TrialState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes every checkpoint of the trial. */
    public void clear() {
        try {
            AtomicFiles.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete checkpoints in " + root, e);
        }
    }

    private static void checkOptimizerState(Path dir, TrialState state) throws IOException {
        Path file = dir.resolve(OPTIMIZER);
        boolean present = Files.isRegularFile(file);
        if (!present && state.optimizerSha256() == null) {
            return;
        }
        String actual = present ? hash(file) : "(no file)";
        if (!actual.equals(state.optimizerSha256())) {
            throw new CorruptCheckpointException(file + ": hash " + actual + " does not match the recorded "
                    + state.optimizerSha256());
        }
    }

    private Path directory(String name) {
        Path dir = root.resolve(name);
        Path old = root.resolve(name + ".old");
        return !Files.isDirectory(dir) && Files.isDirectory(old) ? old : dir; // .old: a crash between save()'s renames
    }

    private static Path parameterFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".params"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no .params file in " + dir));
        }
    }

    private static String hash(Path file) throws IOException {
        return com.google.common.io.Files.asByteSource(file.toFile()).hash(Hashing.sha256()).toString();
    }

    private static TrialState withHashes(TrialState s, String parameters, String optimizer) {
        return new TrialState(s.step(), s.wallSeconds(), s.trainSeconds(), s.samplesTrained(), s.bestStep(),
                s.bestValidationAccuracy(), s.curve(), s.notes(), s.startedAt(), s.resumeKey(), parameters,
                optimizer, s.schedule(), s.budgetSeconds());
    }

    /** A checkpoint that exists but cannot be trusted. */
    public static final class CorruptCheckpointException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptCheckpointException(String message) {
            super(message);
        }
    }
}
