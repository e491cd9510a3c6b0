package dev.lighttrack.bench.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/** Reads and writes HdrHistogram interval logs ({@code .hlog}), the format HdrHistogram's own tools read. */
public final class HistogramLogFile {
    private HistogramLogFile() {
    }

    /** Writes one histogram (ns) as an interval log to {@code out}. */
    public static void write(Histogram histogram, String comment, OutputStream out) {
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
        HistogramLogWriter writer = new HistogramLogWriter(ps);
        writer.outputComment(comment.replaceAll("\\R", " "));
        writer.outputLogFormatVersion();
        writer.outputStartTime(histogram.getStartTimeStamp());
        writer.setBaseTime(histogram.getStartTimeStamp());
        writer.outputLegend();
        writer.outputIntervalHistogram(histogram);
        ps.flush();
    }

    /** Reads back every interval histogram of a log, added together. */
    public static Histogram read(Path file) throws IOException {
        Histogram total = new Histogram(1, LatencyHistogram.HIGHEST_TRACKABLE_NS, LatencyHistogram.SIGNIFICANT_DIGITS);
        try (HistogramLogReader reader = new HistogramLogReader(Files.newInputStream(file))) {
            while (reader.hasNext()) {
                total.add((Histogram) reader.nextIntervalHistogram());
            }
        }
        return total;
    }
}
