package dev.lighttrack.bench.device.deploy;

import dev.lighttrack.bench.files.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bundle.txt}, written by the native build beside an agent bundle (native/cmake/bundle-collect.cmake):
 * {@code loader PATH}, then {@code file MODE PATH} per file, {@code #} comments. Paths are relative, of safe
 * characters, without "..": they become device paths.
 */
public record AgentBundleManifest(String loader, List<Entry> files) {
    /** One file: its octal mode and path inside the bundle. */
    public record Entry(int mode, String path) {
    }

    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._+-]+(/[A-Za-z0-9._+-]+)*");
    private static final Pattern FILE = Pattern.compile("file ([0-7]{3}) (\\S+)");
    private static final Pattern LOADER = Pattern.compile("loader (\\S+)");

    public AgentBundleManifest {
        files = List.copyOf(files);
    }

    /** Parses a manifest; {@code source} names it in errors. */
    public static AgentBundleManifest parse(String text, String source) {
        String loader = null;
        List<Entry> files = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher file = FILE.matcher(line);
            Matcher load = LOADER.matcher(line);
            if (file.matches() && safe(file.group(2))) {
                files.add(new Entry(Integer.parseInt(file.group(1), 8), file.group(2)));
            } else if (load.matches() && safe(load.group(1)) && load.group(1).contains("/")) {
                loader = load.group(1);
            } else {
                throw new IllegalStateException(source + " line " + number + " is neither 'file MODE PATH' nor "
                        + "'loader DIR/NAME' with a relative path: " + line);
            }
        }
        String program = AgentBinary.PROGRAM;
        if (loader == null || files.stream().noneMatch(e -> e.path().equals(program))) {
            throw new IllegalStateException(source + " must name a loader and list " + program);
        }
        String theLoader = loader;
        if (files.stream().noneMatch(e -> e.path().equals(theLoader))) {
            throw new IllegalStateException(source + " names loader " + loader + " but does not list it");
        }
        return new AgentBundleManifest(loader, files);
    }

    private static boolean safe(String path) {
        return PATH.matcher(path).matches() && !List.of(path.split("/")).contains("..")
                && !List.of(path.split("/")).contains(".");
    }

    /** One hash for the whole bundle: of every file's mode, path and content hash, in path order. */
    public static String hash(List<AgentFile> files) {
        StringBuilder text = new StringBuilder();
        files.stream().sorted(Comparator.comparing(AgentFile::path)).forEach(f -> text
                .append(Integer.toOctalString(f.mode())).append(' ').append(f.path()).append(' ').append(f.sha256())
                .append('\n'));
        return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
