package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.SettingRange;
import java.util.ArrayList;
import java.util.List;

/** Lays out the units of a subnet for given search and template sizes. */
public final class SubnetBuilder {
    public static final int DEFAULT_SEARCH_SIZE = 256;
    public static final int DEFAULT_TEMPLATE_SIZE = 128;
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 1024;

    private SubnetBuilder() {
    }

    /** The per-frame model: search backbone, BN neck, correlation, channel attention, adjust, towers, preds. */
    public static Subnet search(Architecture arch, int searchSize, int templateSize) {
        checkSize("searchSize", searchSize);
        checkSize("templateSize", templateSize);
        List<Section> sections = new ArrayList<>(backbone(arch, searchSize));
        TensorShape x = sections.get(sections.size() - 1).output();
        TensorShape z = templateFeatures(arch, templateSize);
        CorrelationUnit corr = new CorrelationUnit("correlation", x, z);
        ChannelAttentionUnit ca = new ChannelAttentionUnit("channel_attention", corr.output());
        AdjustUnit adjust = new AdjustUnit("adjust", ca.output());
        sections.add(new Section("neck", List.of(new NeckUnit("neck", x, z))));
        sections.add(new Section("fusor", List.of(corr, ca, adjust)));
        addHead(sections, "cls", arch.cls(), adjust.output(), 1, 0.1f, false);
        addHead(sections, "reg", arch.reg(), adjust.output(), 4, arch.outputStride(), true);
        return new Subnet(arch, Subnet.Part.SEARCH, searchSize, templateSize, sections);
    }

    /** The template branch: the backbone on the template crop, up to the same output block. */
    public static Subnet template(Architecture arch, int templateSize) {
        checkSize("templateSize", templateSize);
        return new Subnet(arch, Subnet.Part.TEMPLATE, templateSize, templateSize, backbone(arch, templateSize));
    }

    public static TensorShape templateFeatures(Architecture arch, int templateSize) {
        List<Section> b = backbone(arch, templateSize);
        return b.get(b.size() - 1).output();
    }

    static List<Section> backbone(Architecture arch, int size) {
        List<Section> sections = new ArrayList<>();
        StemUnit stem = new StemUnit("stem", new TensorShape(3, size, size));
        DsUnit ds = new DsUnit("ds", stem.output());
        sections.add(new Section("stem", List.of(stem)));
        sections.add(new Section("ds16", List.of(ds)));
        TensorShape x = ds.output();
        List<List<BlockChoice>> used = arch.usedStages();
        for (int s = 0; s < used.size(); s++) {
            int channels = SearchSpace.STAGE_CHANNELS[s];
            String stageName = "c" + channels;
            List<NetUnit> units = new ArrayList<>();
            for (int b = 0; b < used.get(s).size(); b++) {
                int stride = b == 0 ? SearchSpace.STAGE_FIRST_STRIDE[s] : 1;
                IrUnit unit = new IrUnit(stageName + "." + b, x, channels, used.get(s).get(b), stride);
                units.add(unit);
                x = unit.output();
            }
            sections.add(new Section(stageName, units));
        }
        return sections;
    }

    private static void addHead(List<Section> sections, String branch, TowerArch tower, TensorShape in,
                                int outChannels, float scale, boolean relu) {
        List<NetUnit> layers = new ArrayList<>();
        TensorShape x = in;
        for (int i = 0; i < TowerArch.DEPTH; i++) {
            HeadLayerChoice choice = tower.layers().get(i);
            TowerLayerUnit layer = new TowerLayerUnit(branch + "." + i, x, tower.width(), choice);
            layers.add(layer);
            x = layer.output();
        }
        sections.add(new Section(branch + "_tower", layers));
        sections.add(new Section(branch + "_pred", List.of(new PredUnit(branch + ".pred", x, outChannels, scale, relu))));
    }

    /** Checked before any work, for every command that takes a size (LightTrack uses 256 or 288, and 128). */
    public static void checkSize(String setting, int size) {
        new SettingRange(MIN_SIZE, MAX_SIZE).check(setting, size);
    }
}
