package dev.lighttrack.bench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real onnx checker (Debian python3-onnx) with full_check on model files. */
final class OnnxChecker {
    private static final String SCRIPT = String.join("\n",
            "import sys, onnx",
            "for path in sys.argv[1:]:",
            "    onnx.checker.check_model(onnx.load(path), full_check=True)",
            "    print('ok', path)");

    private OnnxChecker() {
    }

    static void checkAll(List<Path> models) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", SCRIPT));
        models.forEach(m -> cmd.add(m.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "onnx checker failed: " + out);
        assertEquals(models.size(), out.lines().filter(l -> l.startsWith("ok ")).count(), out);
    }
}
