package dev.lighttrack.bench.space;

import java.util.List;

/**
 * The LightTrack one-shot space for one backbone budget. The budget fixes the depth of each searchable
 * stage (LightTrack's {@code search_for_layer}): 470 gives [2,4,4,4,4], 600 gives [4,4,4,4,4].
 */
public record SearchSpace(int backboneBudgetMacsM, List<Integer> stageDepths) {
    /** Output channels of the five searchable stages (c24, c40, c80, c96 and the unused c192). */
    public static final int[] STAGE_CHANNELS = {24, 40, 80, 96, 192};
    /** Stride of the first block of each searchable stage; later blocks always have stride 1. */
    public static final int[] STAGE_FIRST_STRIDE = {2, 2, 2, 1, 2};
    /** Stages the output may be taken from: c40 (stride 8), c80 and c96 (stride 16). */
    public static final List<Integer> OUTPUT_STAGES = List.of(1, 2, 3);
    /** Block positions sampled for the output inside a stage (LightTrack's toolbox samples 0..3). */
    public static final int OUTPUT_BLOCKS = 4;
    public static final int STEM_CHANNELS = 16;
    public static final int ADJUST_CHANNELS = 128;

    public static final SearchSpace MOBILE = new SearchSpace(470, List.of(2, 4, 4, 4, 4));
    public static final SearchSpace LARGE = new SearchSpace(600, List.of(4, 4, 4, 4, 4));

    public SearchSpace {
        stageDepths = List.copyOf(stageDepths);
    }

    /** The space whose arch strings have this many backbone digits (stage 0 and 6 digits included). */
    public static SearchSpace forBackboneDigits(int digits) {
        for (SearchSpace s : List.of(MOBILE, LARGE)) {
            if (s.backboneDigits() == digits) {
                return s;
            }
        }
        return null;
    }

    public int searchableBlocks() {
        return stageDepths.stream().mapToInt(Integer::intValue).sum();
    }

    /** Digits after {@code back_}: one for the DS stage, one per searchable block, one for the final 1x1 stage. */
    public int backboneDigits() {
        return searchableBlocks() + 2;
    }

    public int depth(int stage) {
        return stageDepths.get(stage);
    }

    /** Cumulative stride after stage {@code stage} (the stem and DS block give stride 2). */
    public static int strideAfter(int stage) {
        int stride = 2;
        for (int s = 0; s <= stage; s++) {
            stride *= STAGE_FIRST_STRIDE[s];
        }
        return stride;
    }

    public boolean validOutput(OutputPosition p) {
        return OUTPUT_STAGES.contains(p.stage()) && p.block() >= 0 && p.block() < Math.min(OUTPUT_BLOCKS, depth(p.stage()));
    }
}
