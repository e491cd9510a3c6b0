package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.space.ArchCostReport;
import java.util.Locale;

/** {@code bench arch info} as text. */
final class ArchReport {
    private ArchReport() {
    }

    static String text(ArchCostReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("arch      ").append(r.arch()).append(r.preset() == null ? "" : " (" + r.preset() + ")").append('\n');
        sb.append(String.format(Locale.ROOT, "input     search %d, template %d; output stage %d block %d (c%d, stride %d)%n",
                r.searchSize(), r.templateSize(), r.output().stage(), r.output().block(), r.output().channels(),
                r.output().stride()));
        sb.append(String.format(Locale.ROOT, "MACs      %s per frame (thop rules; + %s correlation matmul not counted by thop)%n",
                mega(r.macs()), mega(r.correlationMacs())));
        sb.append(String.format(Locale.ROOT, "params    %s%n", mega(r.params())));
        sb.append(String.format(Locale.ROOT, "template  %s MACs, %s params (runs once per sequence)%n%n",
                mega(r.templateBranch().macs()), mega(r.templateBranch().params())));
        sb.append(String.format(Locale.ROOT, "%-12s %-12s %10s %10s%n", "section", "output", "MACs", "params"));
        for (ArchCostReport.SectionCost s : r.stages()) {
            sb.append(String.format(Locale.ROOT, "%-12s %-12s %10s %10s%n", s.name(), s.output(), mega(s.macs()),
                    mega(s.params())));
        }
        return sb.toString();
    }

    static String mega(long v) {
        return String.format(Locale.ROOT, "%.3fM", v / 1e6);
    }
}
