package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input across every command: each case must exit 2 with one message line (plus, for a parse error,
 * picocli's "Try --help" hint), no stack trace, nothing on stdout, and nothing written where it pointed.
 * Every numeric option is tried at 0 where that is out of range, -1, its maximum + 1, NaN and 1e308; every
 * path option at a folder, a missing file or an unwritable place; tables at hostile and truncated content.
 */
class BadInputSuiteTest {
    @TempDir
    static Path dir;

    static Path model;
    static Path table;
    static Path output;

    @BeforeAll
    static void files() throws IOException {
        // every option is checked before the runner opens the model; where a case gets that far, it is refused
        model = Files.writeString(dir.resolve("m.onnx"), "not read");
        output = dir.resolve("out");
        LutCommandTest tables = new LutCommandTest();
        tables.dir = dir;
        table = tables.table(new dev.lighttrack.bench.lut.LutFit("test", 8, 1, 300, -2, 1, 1));
        String good = Files.readString(table);
        Files.writeString(dir.resolve("negative.json"), good.replaceFirst("\"p50_us\" : [0-9.]+", "\"p50_us\" : -1e300"));
        Files.writeString(dir.resolve("nan.json"), good.replaceFirst("\"p50_us\" : [0-9.]+", "\"p50_us\" : \"NaN\""));
        Files.writeString(dir.resolve("truncated.json"), good.substring(0, good.length() / 2));
        Files.writeString(dir.resolve("unknown-op.json"), good.replaceFirst("\"entries\" : \\{",
                "\"entries\" : { \"evil_op\" : {\"signature\" : \"evil_op\", \"p50_us\" : 1, \"p10_us\" : 1, "
                        + "\"p90_us\" : 1, \"mean_us\" : 1, \"samples\" : 1, \"macs\" : 1},"));
        Files.writeString(dir.resolve("budget.json"), good.replace("\"backbone_budget\" : 470", "\"backbone_budget\" : 1"));
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        Files.writeString(dir.resolve("schema.json"), "{\"schema_version\": \"9.0\"}");
        Files.writeString(dir.resolve("afile"), "x");
    }

    /** A numeric option's bad values: below its range, NaN, huge and, for integers, maximum + 1. */
    private static List<String> badNumbers(long min, long max, boolean integer) {
        List<String> v = new ArrayList<>(List.of(String.valueOf(min - 1), "NaN", "1e308", String.valueOf(max + 1)));
        if (integer) {
            v.add("12x");
        } else {
            v.add("-1e308");
        }
        return v;
    }

    private static void numeric(List<Arguments> cases, List<String> command, String option, long min, long max,
            boolean integer) {
        for (String value : badNumbers(min, max, integer)) {
            List<String> args = new ArrayList<>(command);
            args.add(option);
            args.add(value);
            cases.add(Arguments.of(String.join(" ", args), args, option));
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        List<String> bench = List.of("--device", "host", "--model", "MODEL", "--results", "OUT");
        numeric(c, bench, "--warmup", 0, 100_000, true);
        numeric(c, bench, "--iterations", 1, 1_000_000, true);
        numeric(c, bench, "--min-seconds", 0, 3_600, false);
        numeric(c, bench, "--threads", 1, 64, true);
        numeric(c, bench, "--delay-ms", 0, 10_000, false);
        numeric(c, bench, "--rounds", 1, 10_000, true);
        numeric(c, bench, "--target-ci", 0, 100, false);
        numeric(c, bench, "--max-seconds", 0, 86_400, false);
        numeric(c, List.of("--device", "host", "--results", "OUT"), "--search-size", 32, 1024, true);
        List<String> lut = List.of("lut", "build", "--device", "host", "--out", "OUT");
        numeric(c, lut, "--batch-size", 1, 1_000, true);
        numeric(c, lut, "--fit-samples", 1, 1_000, true);
        numeric(c, lut, "--search-size", 32, 1024, true);
        numeric(c, lut, "--iterations", 1, 1_000_000, true);
        numeric(c, List.of("lut", "validate", "--device", "host", "--lut", "TABLE", "--out", "OUT"), "--samples", 2,
                10_000, true);
        numeric(c, List.of("arch", "sample"), "--count", 1, 100_000, true);
        numeric(c, List.of("arch", "info", "--arch", "lighttrack-mobile"), "--template-size", 32, 1024, true);
        numeric(c, List.of("arch", "export", "--arch", "lighttrack-mobile", "--out", "OUT.onnx"), "--search-size", 32,
                1024, true);
        numeric(c, List.of("perf", "runner", "--model", "MODEL"), "--rounds", 1, 1_000, true);
        numeric(c, List.of("perf", "runner", "--model", "MODEL"), "--threads", 1, 64, true);
        for (String budget : List.of("0", "-1", "471", "NaN")) {
            c.add(Arguments.of("arch space --budget " + budget, List.of("arch", "space", "--budget", budget), "--budget"));
        }
        for (String port : List.of("-1", "65536", "5555", "5585")) {
            c.add(Arguments.of("virtual-device --port " + port, List.of("virtual-device", "--profile", "sd845",
                    "--port", port), "--port"));
        }
        String[][] other = {
            {"--device host --model DIR", "--model", "--device", "host", "--model", "DIR", "--results", "OUT"},
            {"--device host --model missing", "does not exist", "--device", "host", "--model", "DIR/missing.onnx",
                "--results", "OUT"},
            {"--results at a file", "is a file, not a folder", "--device", "host", "--model", "MODEL", "--results", "DIR/afile"},
            {"--results unwritable", "cannot write run records", "--device", "host", "--model", "MODEL", "--results",
                "/proc/ltbench"},
            {"--precision int8", "--precision", "--device", "host", "--model", "MODEL", "--precision", "int8",
                "--results", "OUT"},
            {"--backend npu", "unknown backend", "--device", "host", "--model", "MODEL", "--backend", "npu",
                "--results", "OUT"},
            {"--device nosuch", "--device 'nosuch' is unknown", "--device", "nosuch", "--model", "MODEL"},
            {"--device virtual:host", "--device", "--device", "virtual:host", "--model", "MODEL"},
            {"--device virtual:nosuch", "unknown device profile", "--device", "virtual:nosuch", "--model", "MODEL"},
            {"--serial with host", "--serial", "--device", "host", "--serial", "X", "--model", "MODEL"},
            {"--adb malformed", "HOST:PORT", "--adb", "lab-host", "--model", "MODEL"},
            {"--adb no port", "HOST:PORT", "--adb", "lab-host:", "--model", "MODEL"},
            {"--model and --arch", "mutually exclusive", "--model", "MODEL", "--arch", "lighttrack-mobile"},
            {"long arch string", "characters)", "--device", "host", "--arch", "back_" + "1".repeat(10_000),
                "--results", "OUT"},
            {"unknown preset", "unknown architecture", "arch", "info", "--arch", "lighttrack-huge"},
            {"unknown command", "unknown command 'frobnicate'", "frobnicate"},
            {"unknown lut command", "unknown command 'frob' for bench lut", "lut", "frob"},
            {"unknown option", "Unknown option", "arch", "space", "--fast"},
            {"arch export at a folder", "should name a .onnx file", "arch", "export", "--arch", "lighttrack-mobile",
                "--out", "DIR"},
            {"arch export missing folder", "does not exist", "arch", "export", "--arch", "lighttrack-mobile", "--out",
                "DIR/none/m.onnx"},
            {"arch export unwritable", "cannot write", "arch", "export", "--arch", "lighttrack-mobile", "--out",
                "/proc/ltbench.onnx"},
            {"arch sample --max-macs", "--max-macs", "arch", "sample", "--max-macs", "lots"},
            {"arch sample --max-macs 0", "--max-macs", "arch", "sample", "--max-macs", "0"},
            {"arch sample unreachable", "--max-macs", "arch", "sample", "--count", "3", "--max-macs", "1"},
            {"lut predict missing", "does not exist", "lut", "predict", "--lut", "DIR/none.json", "--arch",
                "lighttrack-mobile"},
            {"lut predict folder", "does not exist", "lut", "predict", "--lut", "DIR", "--arch", "lighttrack-mobile"},
            {"lut predict negative", "must be a positive latency", "lut", "predict", "--lut", "DIR/negative.json",
                "--arch", "lighttrack-mobile"},
            {"lut predict NaN", "must be a positive latency", "lut", "predict", "--lut", "DIR/nan.json", "--arch",
                "lighttrack-mobile"},
            {"lut predict truncated", "truncated or corrupt", "lut", "predict", "--lut", "DIR/truncated.json",
                "--arch", "lighttrack-mobile"},
            {"lut predict unknown op", "is not an op of the 470 space", "lut", "predict", "--lut",
                "DIR/unknown-op.json", "--arch", "lighttrack-mobile"},
            {"lut predict bad budget", "backbone_budget", "lut", "predict", "--lut", "DIR/budget.json", "--arch",
                "lighttrack-mobile"},
            {"lut predict binary", "lookup table", "lut", "predict", "--lut", "DIR/binary.json", "--arch",
                "lighttrack-mobile"},
            {"lut predict schema", "schema 1.x", "lut", "predict", "--lut", "DIR/schema.json", "--arch",
                "lighttrack-mobile"},
            {"lut predict other space", "space", "lut", "predict", "--lut", "TABLE", "--arch",
                "back_0450251404452104254000+cls_211000022+reg_100000111_ops_32"},
            {"lut build --statistic", "--statistic", "lut", "build", "--device", "host", "--statistic", "p77",
                "--out", "OUT"},
            {"lut build --budget", "--budget", "lut", "build", "--device", "host", "--budget", "123", "--out", "OUT"},
            {"lut validate missing table", "does not exist", "lut", "validate", "--device", "host", "--lut",
                "DIR/none.json", "--out", "OUT"},
            {"perf runner missing model", "does not exist", "perf", "runner", "--model", "DIR/none.onnx"},
            {"virtual-device unknown profile", "unknown device profile", "virtual-device", "--profile", "nosuch"},
            {"virtual-device host profile", "host", "virtual-device", "--profile", "host"},
            {"more rounds than iterations", "--rounds 20 cannot share 10 iterations", "--device", "host", "--model",
                "MODEL", "--iterations", "10", "--rounds", "20", "--results", "OUT"},
            {"lut build --out at a folder", "is a folder", "lut", "build", "--device", "host", "--out", "DIR"},
            {"lut validate --out at a file", "is a file", "lut", "validate", "--device", "host", "--lut", "TABLE",
                "--out", "DIR/afile"},
            {"a newline in a file name", "does not exist", "--device", "host", "--model", "DIR/a\nb.onnx"},
            {"an escape sequence in a file name", "\\x1b[31m", "--device", "host", "--model", "DIR/\u001b[31mred.onnx"},
        };
        for (String[] o : other) {
            c.add(Arguments.of(o[0], List.of(o).subList(2, o.length), o[1]));
        }
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isOneLineExitTwoAndWritesNothing(String name, List<String> template, String expected) throws IOException {
        String[] args = template.stream().map(a -> a.replace("MODEL", model.toString()).replace("TABLE", table.toString())
                .replace("OUT", output.toString()).replace("DIR", dir.toString())).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), () -> name + ": " + run);
        List<String> lines = run.err().strip().lines().toList();
        assertTrue(lines.get(0).startsWith("bench: ") && lines.get(0).contains(expected),
                () -> name + ": expected one line with '" + expected + "', got: " + run.err());
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).startsWith("Try 'bench"),
                () -> name + ": more than one line: " + run.err());
        assertTrue(lines.get(0).length() < 600, () -> name + ": a runaway line of " + lines.get(0).length());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), () -> name + ": " + run.err());
        assertEquals("", run.out(), name);
        assertFalse(Files.exists(output), () -> name + ": wrote " + output);
        assertFalse(Files.exists(Path.of(output + ".onnx")), () -> name + ": wrote " + output + ".onnx");
        assertFalse(Files.exists(dir.resolve("none")), name);
    }

    @Test
    void coversAtLeastAHundredDistinctCases() {
        List<String> names = cases().map(a -> (String) a.get()[0]).toList();
        assertTrue(names.size() >= 100, "only " + names.size() + " cases");
        assertEquals(names.size(), names.stream().distinct().count(), "two cases share a name");
    }
}
