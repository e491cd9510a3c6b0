package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.stats.LatencySummary;
import java.util.Locale;

/** The human-readable result of one run. */
final class SummaryText {
    private SummaryText() {
    }

    static String of(RunRecord r, String recordPath) {
        LatencySummary s = r.summary();
        StringBuilder sb = new StringBuilder();
        RunRecord.Device d = r.device();
        sb.append(String.format(Locale.ROOT, "device    %s (%s, %s, %s)%s%n", d.serial(), d.profile(), d.soc(), d.abi(),
                d.virtual() ? " VIRTUAL" : ""));
        sb.append(String.format(Locale.ROOT, "backend   %s (%s, runner %s)%n", r.backend(), r.runner().engine(),
                r.runner().version()));
        sb.append(String.format(Locale.ROOT, "model     %s%s%n", r.model().name(),
                r.model().macs() == null ? "" : String.format(Locale.ROOT, " (%.1fM MACs)", r.model().macs() / 1e6)));
        sb.append(String.format(Locale.ROOT, "samples   %d after %d warmup%n", s.samples(), r.settings().warmup()));
        sb.append(String.format(Locale.ROOT,
                "latency   min %s  p50 %s  p90 %s  p99 %s  max %s%n", ms(s.minUs()), ms(s.p50Us()), ms(s.p90Us()),
                ms(s.p99Us()), ms(s.maxUs())));
        sb.append(String.format(Locale.ROOT, "          mean %s  stdev %s  MAD %s  CV %.1f%%%n", ms(s.meanUs()),
                ms(s.stdevUs()), ms(s.madUs()), s.cv() * 100));
        sb.append(String.format(Locale.ROOT, "fps       %.1f (1 / mean latency)%n", s.fps()));
        if (r.note() != null) {
            sb.append("NOTE      ").append(r.note()).append('\n');
        }
        if (recordPath != null) {
            sb.append("record    ").append(recordPath).append('\n');
        }
        return sb.toString();
    }

    private static String ms(double us) {
        return String.format(Locale.ROOT, "%.3f ms", us / 1000);
    }
}
