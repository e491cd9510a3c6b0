package dev.lighttrack.bench.space;

/**
 * Where the backbone output is taken ({@code _ops_sb}): stage index over the five searchable stages
 * (0 = c24 ... 4 = c192) and block index inside it. Tracking uses stages 1-3 (c40 stride 8, c80 and c96 stride 16).
 */
public record OutputPosition(int stage, int block) {
}
