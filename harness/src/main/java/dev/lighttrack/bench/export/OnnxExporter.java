package dev.lighttrack.bench.export;

import ai.onnx.proto.OnnxMl;
import dev.lighttrack.bench.space.ArchStringCodec;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.Section;
import dev.lighttrack.bench.space.Subnet;
import java.util.List;

/**
 * Exports subnets and single units of the space as ONNX models (opset 13, float32, batch 1, NCHW).
 * The per-frame model has input {@code search} and outputs {@code cls} and {@code reg}; the template branch
 * has input {@code template} and output {@code template_features}; a unit or chain of units has input
 * {@code x} and output {@code y} with its real shapes.
 */
public final class OnnxExporter {
    private OnnxExporter() {
    }

    public static OnnxMl.ModelProto export(Subnet subnet, long seed) {
        String arch = ArchStringCodec.format(subnet.arch());
        OnnxGraphBuilder g = new OnnxGraphBuilder("lighttrack_" + subnet.part().label());
        UnitEmitter emitter = new UnitEmitter(g, new WeightFactory(seed));
        String input = subnet.part() == Subnet.Part.SEARCH ? "search" : "template";
        g.input(input, subnet.input());
        String x = input;
        String head = null;
        for (Section section : subnet.sections()) {
            boolean towerStart = section.name().endsWith("_tower");
            if (towerStart && head == null) {
                head = x;
            }
            String from = towerStart ? head : x;
            for (NetUnit unit : section.units()) {
                from = emitter.emit(unit, from);
            }
            x = from;
            if (section.name().endsWith("_pred")) {
                String out = section.name().substring(0, section.name().indexOf('_'));
                g.output(x, out, section.output());
            }
        }
        emitter.finish();
        if (subnet.part() == Subnet.Part.TEMPLATE) {
            g.output(x, "template_features", subnet.sections().get(subnet.sections().size() - 1).output());
        }
        return g.build("LightTrack " + subnet.part().label() + " model of " + arch + ", input "
                + subnet.inputSize() + ", template " + subnet.templateSize() + ", seeded random weights (seed " + seed
                + "), batch norms folded");
    }

    /** A standalone model of consecutive units (a block, an op, or a fused path), with their real input shape. */
    public static OnnxMl.ModelProto exportUnits(String name, List<NetUnit> units, long seed) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no units given");
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder(name);
        UnitEmitter emitter = new UnitEmitter(g, new WeightFactory(seed));
        g.input("x", units.get(0).input());
        String x = "x";
        for (NetUnit u : units) {
            x = emitter.emit(u, x);
        }
        emitter.finish();
        g.output(x, "y", units.get(units.size() - 1).output());
        return g.build("standalone " + name + " of the LightTrack space, seeded random weights (seed " + seed + ")");
    }
}
