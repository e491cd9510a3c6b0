package dev.lighttrack.bench.space;

import dev.lighttrack.bench.errors.BenchException;
import java.util.ArrayList;
import java.util.List;

/**
 * One subnet of the LightTrack space: a choice per searchable backbone block (all five stages, as the
 * arch string encodes them), the cls and reg towers, and the output position.
 */
public record Architecture(SearchSpace space, List<List<BlockChoice>> stages, TowerArch cls, TowerArch reg,
                           OutputPosition output) {
    public Architecture {
        List<List<BlockChoice>> copy = new ArrayList<>();
        for (List<BlockChoice> stage : stages) {
            copy.add(List.copyOf(stage));
        }
        stages = List.copyOf(copy);
        if (stages.size() != space.stageDepths().size()) {
            throw BenchException.badInput("expected " + space.stageDepths().size() + " stages, got " + stages.size());
        }
        for (int s = 0; s < stages.size(); s++) {
            if (stages.get(s).size() != space.depth(s)) {
                throw BenchException.badInput("stage " + s + " has " + space.depth(s) + " blocks in this space, got "
                        + stages.get(s).size());
            }
        }
        if (!space.validOutput(output)) {
            throw BenchException.badInput("output position ops_" + output.stage() + output.block()
                    + " is not valid: the stage must be 1, 2 or 3 and the block below " + SearchSpace.OUTPUT_BLOCKS);
        }
    }

    /** The blocks that actually run: every block up to and including the output block. */
    public List<List<BlockChoice>> usedStages() {
        List<List<BlockChoice>> used = new ArrayList<>();
        for (int s = 0; s <= output.stage(); s++) {
            used.add(s < output.stage() ? stages.get(s) : stages.get(s).subList(0, output.block() + 1));
        }
        return used;
    }

    public int outputChannels() {
        return SearchSpace.STAGE_CHANNELS[output.stage()];
    }

    public int outputStride() {
        return SearchSpace.strideAfter(output.stage());
    }

    @Override
    public String toString() {
        return ArchStringCodec.format(this);
    }
}
