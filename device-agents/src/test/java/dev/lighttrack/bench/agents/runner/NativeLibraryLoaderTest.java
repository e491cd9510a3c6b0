package dev.lighttrack.bench.agents.runner;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aLibraryThatCannotLoadIsAnErrorSayingWhy() throws Exception {
        Path missing = dir.resolve("libltrunner.so");
        NativeLibraryLoader.NativeLibraryException e = assertThrows(NativeLibraryLoader.NativeLibraryException.class,
                () -> NativeLibraryLoader.load(missing.toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ltrunner.library"), e.getMessage());

        Path notElf = Files.writeString(dir.resolve("libfake.so"), "not a shared object");
        e = assertThrows(NativeLibraryLoader.NativeLibraryException.class, () -> NativeLibraryLoader.load(notElf.toString()));
        // the dynamic linker's reason, not just "cannot load"
        assertTrue(e.getMessage().contains("too short") || e.getMessage().contains("ELF"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, "no classpath dump: " + e.getMessage());
    }

    @Test
    void theBundledLibraryLoads() {
        assertTrue(NativeLibraryLoader.library().lt_version().matches("\\d+\\.\\d+\\.\\d+"));
    }
}
