package dev.lighttrack.bench.space;

import java.util.ArrayList;
import java.util.List;

/**
 * The LightTrack repo's arch string {@code back_<digits>+cls_<w><8 digits>+reg_<w><8 digits>_ops_<s><b>}
 * (its {@code name2path}). Backbone digits: "0" for the DS stage, one choice 0-5 per searchable block in
 * stage order, "0" for the final 1x1 stage.
 */
public final class ArchStringCodec {
    private ArchStringCodec() {
    }

    public static String format(Architecture arch) {
        StringBuilder sb = new StringBuilder("back_0");
        for (List<BlockChoice> stage : arch.stages()) {
            for (BlockChoice c : stage) {
                sb.append(c.digit());
            }
        }
        sb.append("0+cls_");
        appendTower(sb, arch.cls());
        sb.append("+reg_");
        appendTower(sb, arch.reg());
        sb.append("_ops_").append(arch.output().stage()).append(arch.output().block());
        return sb.toString();
    }

    private static void appendTower(StringBuilder sb, TowerArch tower) {
        sb.append(tower.widthIndex());
        for (HeadLayerChoice l : tower.layers()) {
            sb.append(l.digit());
        }
    }

    public static Architecture parse(String text) {
        return new Parser(text).parse();
    }

    /** Cursor over the string; every failure names the position, what is there and what belongs there. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Architecture parse() {
            literal("back_");
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            int digits = pos - start;
            SearchSpace space = SearchSpace.forBackboneDigits(digits);
            if (space == null) {
                throw new ArchParseException(s, start, digits + " backbone digits",
                        SearchSpace.MOBILE.backboneDigits() + " (470M backbone budget) or "
                                + SearchSpace.LARGE.backboneDigits() + " (600M budget)");
            }
            pos = start;
            digitIn('0', '0', "'0' for the fixed DS stage");
            List<List<BlockChoice>> stages = new ArrayList<>();
            for (int st = 0; st < space.stageDepths().size(); st++) {
                List<BlockChoice> blocks = new ArrayList<>();
                for (int b = 0; b < space.depth(st); b++) {
                    blocks.add(BlockChoice.ofDigit(digitIn('0', '5', "a block choice 0-5 (stage "
                            + (st + 1) + " block " + b + ")")));
                }
                stages.add(blocks);
            }
            digitIn('0', '0', "'0' for the final 1x1 stage");
            literal("+cls_");
            TowerArch cls = tower("cls");
            literal("+reg_");
            TowerArch reg = tower("reg");
            literal("_ops_");
            int stagePos = pos;
            int stage = digitIn('1', '3', "an output stage 1, 2 or 3 (c40, c80, c96)");
            int blockPos = pos;
            int maxBlock = Math.min(SearchSpace.OUTPUT_BLOCKS, space.depth(stage)) - 1;
            int block = digitIn('0', (char) ('0' + maxBlock), "an output block 0-" + maxBlock);
            if (pos != s.length()) {
                throw new ArchParseException(s, pos, "'" + s.substring(pos) + "'", "the end of the string");
            }
            assert stagePos < blockPos;
            return new Architecture(space, stages, cls, reg, new OutputPosition(stage, block));
        }

        private TowerArch tower(String name) {
            int width = digitIn('0', '2', "a " + name + " width index 0-2 (128, 192, 256)");
            List<HeadLayerChoice> layers = new ArrayList<>();
            layers.add(HeadLayerChoice.ofDigit(digitIn('0', '1', "a first " + name
                    + " layer 0-1 (dsconv3, dsconv5; the first layer may not be skip)")));
            for (int i = 1; i < TowerArch.DEPTH; i++) {
                layers.add(HeadLayerChoice.ofDigit(digitIn('0', '2', "a " + name + " layer 0-2 (dsconv3, dsconv5, skip)")));
            }
            return new TowerArch(width, layers);
        }

        private void literal(String expected) {
            if (!s.startsWith(expected, pos)) {
                throw new ArchParseException(s, pos, found(expected.length()), "'" + expected + "'");
            }
            pos += expected.length();
        }

        private int digitIn(char lo, char hi, String expected) {
            if (pos >= s.length() || s.charAt(pos) < lo || s.charAt(pos) > hi) {
                throw new ArchParseException(s, pos, found(1), expected);
            }
            return s.charAt(pos++) - '0';
        }

        private String found(int len) {
            if (pos >= s.length()) {
                return "the end of the string";
            }
            return "'" + s.substring(pos, Math.min(s.length(), pos + len)) + "'";
        }
    }
}
