package io.github.lrabench.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.lrabench.dataset.CifarData;
import io.github.lrabench.dataset.CifarLoader;
import io.github.lrabench.dataset.DataInspection;
import io.github.lrabench.dataset.DataInspector;
import io.github.lrabench.dataset.DataSettings;
import io.github.lrabench.dataset.ImageArray;
import io.github.lrabench.dataset.ImageExporter;
import io.github.lrabench.dataset.PixelEncoding;
import io.github.lrabench.runner.RunnerContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lra data inspect} and {@code lra data export}: look at the data as the models see it. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect CIFAR-10 or export one image.",
        subcommands = {DataCommand.Inspect.class, DataCommand.Export.class})
public final class DataCommand {

    private DataCommand() {}

    static CifarData load(RunnerContext context, DataOption data) throws IOException {
        return new CifarLoader(DataSettings.fromConfig(context.config())).load(data.path());
    }

    /** {@code lra data inspect}: counts, per-class counts, channel statistics and the mean lra-image token. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Per split: images, images per class, per-channel mean and std (0-255), mean lra-image"
                    + " token.")
    public static final class Inspect implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        DataOption data;

        @Option(names = "--json", description = "print JSON instead of a table")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (RunnerContext context = common.open(Map.of())) {
                CifarData cifar = load(context, data);
                DataInspection inspection =
                        DataInspector.fromSettings(DataSettings.fromConfig(context.config())).inspect(cifar);
                spec.commandLine().getOut().print(json
                        ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(inspection) + "\n"
                        : inspection.toText());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    /** {@code lra data export}: one image as a model sees it, as a PNG. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write one image as the model sees it (grey tokens for lra-image, RGB for scifar).")
    public static final class Export implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Mixin
        DataOption data;

        @Option(names = "--split", paramLabel = "NAME", defaultValue = "train", description = "train or test (default: ${DEFAULT-VALUE})")
        String split;

        @Option(names = "--index", paramLabel = "N", required = true, description = "image index within the split")
        int index;

        @Option(names = "--protocol", paramLabel = "NAME", defaultValue = "lra-image", description = "encoding to show: lra-image, scifar or pscifar (default: ${DEFAULT-VALUE})")
        String protocol;

        @Option(names = "--scale", paramLabel = "K", defaultValue = "8", description = "output pixels per image pixel (default: ${DEFAULT-VALUE})")
        int scale;

        @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "the PNG to write")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (RunnerContext context = common.open(Map.of())) {
                CifarData cifar = load(context, data);
                ImageArray images = switch (split) {
                    case "train" -> cifar.train();
                    case "test" -> cifar.test();
                    default -> throw new IllegalArgumentException("--split must be train or test but was " + split);
                };
                if (index < 0 || index >= images.size()) {
                    throw new IllegalArgumentException("--index " + index + " is outside the " + split
                            + " split's 0.." + (images.size() - 1));
                }
                DataSettings settings = DataSettings.fromConfig(context.config());
                Path written = new ImageExporter(settings.encoding(PixelEncoding.fromId(protocol)))
                        .exportPng(images, index, out, scale);
                spec.commandLine().getOut().printf("wrote %s (%s image %d, label %s, as %s sees it)%n", written,
                        split, index, cifar.classNames().get(images.label(index)), protocol);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
