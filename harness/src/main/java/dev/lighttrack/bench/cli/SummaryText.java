package dev.lighttrack.bench.cli;

import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.stats.LatencySummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The human-readable result of one run. */
final class SummaryText {
    private static final int TOP_OPS = 5;

    private SummaryText() {
    }

    static String of(RunRecord r, String recordPath) {
        LatencySummary s = r.summary();
        StringBuilder sb = new StringBuilder();
        RunRecord.Device d = r.device();
        sb.append(String.format(Locale.ROOT, "device    %s (%s, %s, %s)%s%n", d.serial(), d.profile(), d.soc(), d.abi(),
                d.virtual() ? " VIRTUAL" : ""));
        sb.append(String.format(Locale.ROOT, "backend   %s %s (%s, runner %s)%n", r.backend(), r.precision(),
                r.runner().engine(), r.runner().version()));
        sb.append(String.format(Locale.ROOT, "model     %s%s%n", r.model().name(),
                r.model().macs() == null ? "" : String.format(Locale.ROOT, " (%.1fM MACs)", r.model().macs() / 1e6)));
        int rounds = s.roundP50Us() == null ? 1 : s.roundP50Us().size();
        sb.append(String.format(Locale.ROOT, "samples   %d after %d warmup%s%n", s.samples(), r.settings().warmup(),
                rounds > 1 ? ", in " + rounds + " rounds" : ""));
        sb.append(String.format(Locale.ROOT,
                "latency   min %s  p50 %s  p90 %s  p99 %s  max %s%n", ms(s.minUs()), ms(s.p50Us()), ms(s.p90Us()),
                ms(s.p99Us()), ms(s.maxUs())));
        sb.append(String.format(Locale.ROOT, "          mean %s  stdev %s  MAD %s  CV %.1f%%%n", ms(s.meanUs()),
                ms(s.stdevUs()), ms(s.madUs()), s.cv() * 100));
        if (s.p50CiUs() != null) {
            sb.append(String.format(Locale.ROOT, "p50 CI    %s to %s (95%%, from the %d round medians)%n",
                    ms(s.p50CiUs().get(0)), ms(s.p50CiUs().get(1)), rounds));
        } else if (rounds > 1) {
            sb.append(String.format(Locale.ROOT, "p50 CI    none: %d rounds, a 95%% interval needs at least %d%n", rounds,
                    dev.lighttrack.bench.stats.MedianInterval.MIN_ROUNDS));
        }
        sb.append(String.format(Locale.ROOT, "fps       %.1f (1 / mean latency)%n", s.fps()));
        if (!r.ops().isEmpty()) {
            appendTopOps(sb, r.ops());
        }
        if (r.note() != null) {
            sb.append("NOTE      ").append(r.note()).append('\n');
        }
        if (recordPath != null) {
            sb.append("record    ").append(recordPath).append('\n');
        }
        return sb.toString();
    }

    /** The slowest nodes: where the time goes (the whole list is in the record's {@code ops}). */
    private static void appendTopOps(StringBuilder sb, List<RunRecord.OpTime> ops) {
        double total = ops.stream().mapToDouble(RunRecord.OpTime::meanUs).sum();
        List<RunRecord.OpTime> top = ops.stream()
                .sorted(Comparator.comparingDouble(RunRecord.OpTime::meanUs).reversed()).limit(TOP_OPS).toList();
        sb.append(String.format(Locale.ROOT, "ops       %d timed, %s per inference in all; slowest:%n", ops.size(),
                ms(total)));
        for (RunRecord.OpTime op : top) {
            sb.append(String.format(Locale.ROOT, "          %-34s %-18s %s (%.1f%%)%n", op.node(), op.opType(),
                    ms(op.meanUs()), total > 0 ? 100 * op.meanUs() / total : 0));
        }
    }

    /** Milliseconds to the µs; under 10 µs (an op, not a model) in µs to the ns, so that it does not read 0.000. */
    private static String ms(double us) {
        return us < 10 && us > 0 ? String.format(Locale.ROOT, "%.3f us", us)
                : String.format(Locale.ROOT, "%.3f ms", us / 1000);
    }
}
