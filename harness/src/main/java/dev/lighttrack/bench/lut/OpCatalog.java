package dev.lighttrack.bench.lut;

import dev.lighttrack.bench.space.AdjustUnit;
import dev.lighttrack.bench.space.BlockChoice;
import dev.lighttrack.bench.space.ChannelAttentionUnit;
import dev.lighttrack.bench.space.CorrelationUnit;
import dev.lighttrack.bench.space.DsUnit;
import dev.lighttrack.bench.space.HeadLayerChoice;
import dev.lighttrack.bench.space.IrUnit;
import dev.lighttrack.bench.space.NeckUnit;
import dev.lighttrack.bench.space.NetUnit;
import dev.lighttrack.bench.space.PredUnit;
import dev.lighttrack.bench.space.SearchSpace;
import dev.lighttrack.bench.space.StemUnit;
import dev.lighttrack.bench.space.TensorShape;
import dev.lighttrack.bench.space.TowerArch;
import dev.lighttrack.bench.space.TowerLayerUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every distinct lookup-table op of the space at one search size: stem and DS block; per stage its first and
 * later blocks x 6 choices; the fusion path per output stage; tower first and later layers x kernel x width
 * per output stride; predictions per width and output stride.
 */
public final class OpCatalog {
    private OpCatalog() {
    }

    public static Map<OpSignature, LutOp> enumerate(SearchSpace space, int searchSize, int templateSize) {
        Map<OpSignature, LutOp> ops = new TreeMap<>();
        StemUnit stem = new StemUnit("stem", new TensorShape(3, searchSize, searchSize));
        add(ops, stem);
        DsUnit ds = new DsUnit("ds", stem.output());
        add(ops, ds);
        TensorShape x = ds.output();
        TensorShape z = new DsUnit("ds", new StemUnit("stem", new TensorShape(3, templateSize, templateSize)).output())
                .output();
        int lastOutputStage = SearchSpace.OUTPUT_STAGES.get(SearchSpace.OUTPUT_STAGES.size() - 1);
        for (int s = 0; s <= lastOutputStage; s++) {
            int channels = SearchSpace.STAGE_CHANNELS[s];
            String name = "c" + channels;
            TensorShape firstOut = null;
            TensorShape zOut = null;
            for (BlockChoice c : BlockChoice.values()) {
                IrUnit first = new IrUnit(name + ".0", x, channels, c, SearchSpace.STAGE_FIRST_STRIDE[s]);
                add(ops, first);
                firstOut = first.output();
                zOut = new IrUnit(name + ".0", z, channels, c, SearchSpace.STAGE_FIRST_STRIDE[s]).output();
                if (space.depth(s) > 1) {
                    add(ops, new IrUnit(name + ".1", firstOut, channels, c, 1));
                }
            }
            x = firstOut;
            z = zOut;
            if (SearchSpace.OUTPUT_STAGES.contains(s)) {
                addHead(ops, x, z);
            }
        }
        return ops;
    }

    private static void addHead(Map<OpSignature, LutOp> ops, TensorShape x, TensorShape z) {
        CorrelationUnit corr = new CorrelationUnit("correlation", x, z);
        ChannelAttentionUnit ca = new ChannelAttentionUnit("channel_attention", corr.output());
        AdjustUnit adjust = new AdjustUnit("adjust", ca.output());
        LutOp fusion = LutOp.of(List.of(new NeckUnit("neck", x, z), corr, ca, adjust));
        ops.put(fusion.signature(), fusion);
        TensorShape in = adjust.output();
        for (int width : TowerArch.WIDTHS) {
            for (HeadLayerChoice k : List.of(HeadLayerChoice.DSCONV3, HeadLayerChoice.DSCONV5)) {
                add(ops, new TowerLayerUnit("tower.0", in, width, k));
                add(ops, new TowerLayerUnit("tower.1", in.withChannels(width), width, k));
            }
            TensorShape t = in.withChannels(width);
            add(ops, new PredUnit("cls.pred", t, 1, 0.1f, false));
            add(ops, new PredUnit("reg.pred", t, 4, 1f, true));
        }
    }

    private static void add(Map<OpSignature, LutOp> ops, NetUnit unit) {
        LutOp op = LutOp.of(List.of(unit));
        ops.putIfAbsent(op.signature(), op);
    }
}
