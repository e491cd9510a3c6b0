package dev.lighttrack.bench.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.lighttrack.bench.errors.BenchException;
import dev.lighttrack.bench.files.AtomicFiles;
import dev.lighttrack.bench.files.IoReason;
import dev.lighttrack.bench.history.ChangePointDetector;
import dev.lighttrack.bench.history.CheckEntry;
import dev.lighttrack.bench.history.HistoryEntry;
import dev.lighttrack.bench.history.SeriesChanges;
import dev.lighttrack.bench.results.RunRecord;
import dev.lighttrack.bench.results.RunRecordJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench report}: a static HTML report of the history, one {@code index.html} and its images in one folder,
 * with nothing from a server or the network (works from {@code file://}): fps per series over its runs with change
 * points and failed checks marked (inline SVG), the checks, the latest run per device (its summary and slowest
 * ops, from its run record), and the LUT validation scatters and search Pareto fronts found in the results.
 */
public final class HtmlReport {
    static final int SLOWEST_OPS = 8;

    private HtmlReport() {
    }

    /** What was written. */
    public record Result(Path index, int series, int runs, int checks, int images) {
    }

    public record SeriesView(String name, String anchor, int runs, String latestP50Ms, String latestFps,
                             List<String> changes, SeriesChart chart) {
        public boolean hasChanges() {
            return !changes.isEmpty();
        }
    }

    public record CheckView(String time, String commit, String device, String treatment, String control,
                            String decision, boolean failed, String ratio, int rounds) {
    }

    public record OpView(String node, String opType, String meanUs) {
    }

    public record DeviceView(String serial, String profile, String soc, boolean virtual, String model,
                             String backend, String precision, String time, String commit, String p50Ms,
                             String ciMs, String fps, String runId, List<OpView> ops, String opsNote) {
        public boolean hasOps() {
            return !ops.isEmpty();
        }
    }

    public record ImageView(String title, String file) {
    }

    record Page(String generatedAt, String database, int runCount, int checkCount, List<SeriesView> series,
                List<CheckView> checks, List<DeviceView> latest, List<ImageView> images) {
        public boolean hasChecks() {
            return !checks.isEmpty();
        }
    }

    public static Result write(Path out, String database, List<HistoryEntry> runs, List<CheckEntry> checks,
                               Path resultsDir, ChangePointDetector detector) {
        try {
            Files.createDirectories(out.resolve("assets"));
        } catch (IOException e) {
            throw BenchException.badInput("cannot create the report folder " + out + ": " + IoReason.of(e));
        }
        Set<String> failedChecks = checks.stream().filter(c -> c.decision().equals("regression"))
                .map(CheckEntry::checkId).collect(Collectors.toSet());
        List<SeriesView> series = series(runs, failedChecks, detector);
        List<CheckView> checkViews = checks.stream().map(HtmlReport::check).toList();
        List<DeviceView> latest = latest(runs, resultsDir.resolve("runs"));
        List<ImageView> images = images(resultsDir, out.resolve("assets"));
        Page page = new Page(Instant.now().toString(), database, runs.size(), checks.size(), series, checkViews,
                latest, images);
        Mustache template = new DefaultMustacheFactory("report").compile("index.html.mustache");
        StringWriter html = new StringWriter();
        template.execute(html, page);
        Path index = out.resolve("index.html");
        AtomicFiles.write(index, html.toString().getBytes(StandardCharsets.UTF_8));
        return new Result(index, series.size(), runs.size(), checks.size(), images.size());
    }

    private static List<SeriesView> series(List<HistoryEntry> runs, Set<String> failedChecks,
                                           ChangePointDetector detector) {
        Map<String, List<HistoryEntry>> bySeries = new LinkedHashMap<>();
        runs.forEach(r -> bySeries.computeIfAbsent(r.series(), k -> new ArrayList<>()).add(r));
        Map<String, SeriesChanges.Series> changes = SeriesChanges.find(runs, detector).stream()
                .collect(Collectors.toMap(SeriesChanges.Series::series, s -> s));
        List<SeriesView> out = new ArrayList<>();
        int n = 0;
        for (var e : bySeries.entrySet()) {
            List<HistoryEntry> points = e.getValue();
            List<SeriesChart.Run> chartRuns = points.stream().map(r -> new SeriesChart.Run(r.fps(), String.format(
                    Locale.ROOT, "%s, commit %s%s: p50 %.3f ms, %.1f fps", r.createdAt(),
                    HistoryEntry.shortCommit(r.commit()),
                    r.checkId() == null ? "" : ", ci check " + r.role(), r.p50Us() / 1000, r.fps()),
                    r.checkId() != null && failedChecks.contains(r.checkId()) && "treatment".equals(r.role())))
                    .toList();
            SeriesChanges.Series found = changes.get(e.getKey());
            Set<Integer> at = new HashSet<>();
            List<String> said = new ArrayList<>();
            for (SeriesChanges.Change c : found.changes()) {
                at.add(c.index());
                said.add(c.describe());
            }
            HistoryEntry last = points.get(points.size() - 1);
            out.add(new SeriesView(e.getKey(), "series-" + n++, points.size(), ms(last.p50Us()),
                    String.format(Locale.ROOT, "%.1f", last.fps()), said, SeriesChart.of(chartRuns, at)));
        }
        return out;
    }

    private static CheckView check(CheckEntry c) {
        return new CheckView(c.createdAt(), HistoryEntry.shortCommit(c.commit()), c.serial() + " " + c.backend() + " "
                + c.precision(), c.treatment(), c.control(), c.decision(), c.decision().equals("regression"),
                String.format(Locale.ROOT, "%.4f", c.ratio()), c.rounds());
    }

    private static List<DeviceView> latest(List<HistoryEntry> runs, Path runsDir) {
        Map<String, HistoryEntry> bySerial = new LinkedHashMap<>();
        runs.forEach(r -> bySerial.put(r.serial(), r)); // oldest first: the last one stays
        List<DeviceView> out = new ArrayList<>();
        for (HistoryEntry r : bySerial.values()) {
            Path file = r.recordFile() == null ? null : runsDir.resolve(r.recordFile());
            List<OpView> ops = List.of();
            String note;
            if (file == null || !Files.isRegularFile(file)) {
                note = "its run record (" + r.recordFile() + ") is not in " + runsDir;
            } else {
                RunRecord record = RunRecordJson.read(file);
                ops = record.ops().stream().sorted(Comparator.comparingDouble(RunRecord.OpTime::meanUs).reversed())
                        .limit(SLOWEST_OPS).map(o -> new OpView(o.node(), o.opType(),
                                String.format(Locale.ROOT, "%.1f", o.meanUs()))).toList();
                note = ops.isEmpty() ? "no per-op times: the " + r.backend() + " backend does not time ops" : null;
            }
            String ci = r.p50CiLowUs() == null ? "none (too few rounds)"
                    : ms(r.p50CiLowUs()) + "–" + ms(r.p50CiHighUs());
            out.add(new DeviceView(r.serial(), r.profile(), r.soc(), r.virtual(), r.model(), r.backend(),
                    r.precision(), r.createdAt(), HistoryEntry.shortCommit(r.commit()), ms(r.p50Us()), ci,
                    String.format(Locale.ROOT, "%.1f", r.fps()), r.id(), ops, note));
        }
        return out;
    }

    /** The plots other commands left in the results, copied next to the page. */
    private static List<ImageView> images(Path results, Path assets) {
        List<ImageView> out = new ArrayList<>();
        out.addAll(copy(results.resolve("luts"), "scatter.png", "LUT validation", "lut", assets));
        out.addAll(copy(results.resolve("searches"), "pareto.png", "search Pareto front", "search", assets));
        return out;
    }

    private static List<ImageView> copy(Path parent, String name, String title, String prefix, Path assets) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<ImageView> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path png = dir.resolve(name);
                if (Files.isRegularFile(png)) {
                    String target = prefix + "-" + dir.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                            + ".png";
                    Files.copy(png, assets.resolve(target), StandardCopyOption.REPLACE_EXISTING);
                    out.add(new ImageView(title + ": " + dir.getFileName(), "assets/" + target));
                }
            }
        } catch (IOException e) {
            throw BenchException.badInput("cannot copy plots from " + parent + ": " + IoReason.of(e));
        }
        return out;
    }

    private static String ms(double us) {
        return String.format(Locale.ROOT, "%.3f", us / 1000);
    }
}
