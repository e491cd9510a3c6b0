package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.SubnetBuilder;
import picocli.CommandLine.Option;

/** --search-size, for every command that lays out a subnet; its range is checked before any work. */
final class SearchSizeOption {
    @Option(names = "--search-size", defaultValue = "" + SubnetBuilder.DEFAULT_SEARCH_SIZE, paramLabel = "N",
            description = "Search crop size in pixels, " + SubnetBuilder.MIN_SIZE + "-" + SubnetBuilder.MAX_SIZE
                    + " (default ${DEFAULT-VALUE}; LightTrack also uses 288).")
    int searchSize;

    int checked() {
        SubnetBuilder.checkSize("searchSize", searchSize);
        return searchSize;
    }
}
