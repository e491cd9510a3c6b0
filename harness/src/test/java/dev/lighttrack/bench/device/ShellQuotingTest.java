package dev.lighttrack.bench.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lighttrack.bench.errors.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quoted command lines run through real shells must hand every argument over byte for byte, and run nothing else. */
class ShellQuotingTest {
    static final List<String> NASTY = List.of(
            "a b;touch pwned'.onnx",
            "it's",
            "'",
            "''",
            "",
            " ",
            "line1\nline2",
            "trailing newline\n",
            "$(touch pwned-subst)",
            "`touch pwned-backtick`",
            "${HOME}",
            "$HOME",
            "a\"b\"c",
            "back\\slash\\",
            "*",
            "~",
            "-n",
            "--model=x.onnx",
            "tab\there",
            "semi;colon&amp|pipe>redirect<in",
            "!history",
            "héllo wörld ✓",
            "#not a comment",
            "a'\\''b");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash", "/bin/dash"})
    void argumentsSurviveTheShellUnchanged(String shell) throws Exception {
        assumeShell(shell);
        String line = ShellCommand.builder("printf").arg("%s\\0").args(NASTY).build().line();
        assertEquals(NASTY, argv(shell, line));
        assertNothingRan();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash", "/bin/dash"})
    void scriptArgumentsArriveAsPositionalParameters(String shell) throws Exception {
        assumeShell(shell);
        String line = ShellCommand.script("printf '%s\\0' \"$@\"", NASTY).line();
        assertEquals(NASTY, argv(shell, line));
        assertNothingRan();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash"})
    void eachNastyStringIsOneWordOnItsOwn(String shell) throws Exception {
        assumeShell(shell);
        for (String nasty : NASTY) {
            assertEquals(List.of(nasty), argv(shell, ShellCommand.of("printf", "%s\\0", nasty).line()), nasty);
        }
        assertNothingRan();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash"})
    void andRunsTheSecondCommandOnlyAfterSuccess(String shell) throws Exception {
        assumeShell(shell);
        String ok = ShellCommand.of("true").and(ShellCommand.of("printf", "%s\\0", "x y")).line();
        assertEquals(List.of("x y"), argv(shell, ok));
        String failed = ShellCommand.of("false").and(ShellCommand.of("printf", "%s\\0", "x y")).line();
        assertEquals(List.of(), argv(shell, failed));
    }

    @org.junit.jupiter.api.Test
    void quotesInSingleQuoteStyle() {
        assertEquals("'plain'", ShellQuoting.quote("plain"));
        assertEquals("''", ShellQuoting.quote(""));
        assertEquals("'it'\\''s'", ShellQuoting.quote("it's"));
        assertEquals("'a b;touch pwned'\\''.onnx'", ShellQuoting.quote("a b;touch pwned'.onnx"));
    }

    @org.junit.jupiter.api.Test
    void refusesWhatNoArgvCanCarry() {
        BenchException e = assertThrows(BenchException.class, () -> ShellQuoting.quote("a\0b"));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        assertThrows(BenchException.class, () -> ShellQuoting.quote(null));
        assertThrows(IllegalArgumentException.class, () -> ShellCommand.of(List.of()));
    }

    private List<String> argv(String shell, String line) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(shell, "-c", line).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        List<String> args = new ArrayList<>();
        String text = new String(out, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                args.add(text.substring(start, i));
                start = i + 1;
            }
        }
        assertEquals(text.length(), start, "output not NUL-terminated: " + text);
        return args;
    }

    private void assertNothingRan() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> created = files.toList();
            assertTrue(created.isEmpty(), "the shell ran injected commands: " + created);
        }
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    private static void assumeShell(String shell) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of(shell)), shell + " not installed");
    }
}
