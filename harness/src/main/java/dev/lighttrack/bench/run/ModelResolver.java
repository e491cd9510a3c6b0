package dev.lighttrack.bench.run;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.errors.InvalidSetting;
import dev.lighttrack.bench.export.ModelFiles;
import dev.lighttrack.bench.export.OnnxExporter;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.files.Sha256;
import dev.lighttrack.bench.space.ArchPresets;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.Architecture;
import dev.lighttrack.bench.space.Subnet;
import dev.lighttrack.bench.space.SubnetBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a model file or an arch (exported into the cache) into a {@link BenchModel}. */
public final class ModelResolver {
    private final Path cacheDir;

    /** @param cacheDir where exported models are kept, named by arch, size and seed */
    public ModelResolver(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public BenchModel fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSetting("model", file + " does not exist or is not a file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidSetting("model", file + " is not readable");
        }
        String name = file.getFileName().toString().replaceFirst("\\.onnx$", "");
        return new BenchModel(file.toAbsolutePath(), name, null, Sha256.of(file), null, null, null);
    }

    public BenchModel fromArch(String nameOrArch, int searchSize, long seed) {
        Architecture arch = ArchPresets.resolve(nameOrArch);
        Subnet subnet = SubnetBuilder.search(arch, searchSize, SubnetBuilder.DEFAULT_TEMPLATE_SIZE);
        String canonical = ArchStringCodec.format(arch);
        String preset = ArchPresets.nameOf(arch);
        String stem = (preset != null ? preset : Integer.toHexString(canonical.hashCode())) + "-s" + searchSize + "-w" + seed;
        Path file = cacheDir.resolve(stem + ".onnx");
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model cache " + cacheDir + ": " + IoReason.of(e), e);
        }
        // Exports are deterministic, so an existing file is only rewritten when its content would differ.
        var model = OnnxExporter.export(subnet, seed);
        byte[] bytes = model.toByteArray();
        if (!Files.isRegularFile(file) || !Sha256.of(bytes).equals(Sha256.of(file))) {
            ModelFiles.write(model, file);
        }
        return new BenchModel(file, preset != null ? preset : canonical, canonical, Sha256.of(bytes), subnet.cost().macs(),
                subnet.cost().params(), searchSize);
    }

    /**
     * The same model in another file: the graph and weights untouched, one metadata entry
     * ({@code lighttrack_bench_copy = tag}) added, so its sha256 differs. An agent lists a model once per
     * process, so a model compared with itself (a CI self-check) needs such a copy: the same computation,
     * the same data, a different file.
     */
    public BenchModel copyOf(BenchModel model, String tag) {
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(model.file()));
        } catch (InvalidProtocolBufferException e) {
            throw BenchException.badInput(model.file() + " is not an ONNX model: " + e.getMessage());
        } catch (IOException e) {
            throw BenchException.badInput("cannot read " + model.file() + ": " + IoReason.of(e));
        }
        byte[] bytes = proto.toBuilder().addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                .setKey("lighttrack_bench_copy").setValue(tag)).build().toByteArray();
        String sha = Sha256.of(bytes);
        Path file = cacheDir.resolve("copy-" + sha + ".onnx");
        try {
            Files.createDirectories(cacheDir);
            if (!Files.isRegularFile(file)) {
                AtomicFiles.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create model cache " + cacheDir + ": " + IoReason.of(e), e);
        }
        return new BenchModel(file, model.name(), model.arch(), sha, model.macs(), model.params(), model.searchSize());
    }
}
