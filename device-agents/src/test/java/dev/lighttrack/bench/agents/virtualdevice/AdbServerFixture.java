package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An isolated, real adb server for one test class: its own port in 15037-15099 (never 5037) and
 * its own HOME, so it neither sees nor disturbs anyone else's server or keys.
 */
final class AdbServerFixture implements AutoCloseable {

    static final String ADB = "/usr/bin/adb";
    private static final int FIRST_PORT = 15037;
    private static final int LAST_PORT = 15099;

    private final int port;
    private final Path home;

    private AdbServerFixture(int port, Path home) {
        this.port = port;
        this.home = home;
    }

    static AdbServerFixture start(Path home) throws IOException, InterruptedException {
        TestAdbKey.installIn(home); // the server signs with the key the test devices trust
        int start = FIRST_PORT + (int) (ProcessHandle.current().pid() % (LAST_PORT - FIRST_PORT + 1));
        for (int i = 0; i <= LAST_PORT - FIRST_PORT; i++) {
            int port = FIRST_PORT + (start - FIRST_PORT + i) % (LAST_PORT - FIRST_PORT + 1);
            if (isFree(port)) {
                AdbServerFixture server = new AdbServerFixture(port, home);
                AdbResult started = server.adb("start-server");
                if (started.exitCode() == 0) {
                    return server;
                }
                server.close();
            }
        }
        throw new IOException("no free port for an isolated adb server in " + FIRST_PORT + "-" + LAST_PORT);
    }

    int port() {
        return port;
    }

    /** Runs {@code adb -P port args...} with stdin from /dev/null, bounded to 60 s. */
    AdbResult adb(String... args) throws IOException, InterruptedException {
        return adbWithInput(null, args);
    }

    AdbResult adbWithInput(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ADB, "-P", Integer.toString(port)));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "adb-out-", ".txt");
        Path err = Files.createTempFile(home, "adb-err-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.from(stdin.toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("ANDROID_ADB_SERVER_PORT", Integer.toString(port));
        env.put("HOME", home.toString());
        env.remove("ANDROID_USER_HOME");
        env.remove("ADB_VENDOR_KEYS");
        env.remove("ADB_SERVER_SOCKET");
        env.remove("ANDROID_SERIAL");
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        AdbResult result = new AdbResult(String.join(" ", command), finished ? process.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), !finished);
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /**
     * Sends one host service request ({@code host:connect:H:P}, {@code host:disconnect:H:P}) to the
     * server over its smart-socket protocol, the way a Java harness connects a device without
     * running the adb binary: {@code %04x} length + request, then {@code OKAY}/{@code FAIL}
     * followed by a {@code %04x}-length-prefixed message.
     */
    String hostService(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write((String.format("%04x", bytes.length) + request).getBytes(StandardCharsets.UTF_8));
            java.io.InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
            int length = Integer.parseInt(new String(in.readNBytes(4), StandardCharsets.US_ASCII), 16);
            String message = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            if (!status.equals("OKAY")) {
                throw new IOException("adb server answered " + status + " to " + request + ": " + message);
            }
            return message;
        }
    }

    @Override
    public void close() {
        try {
            adb("kill-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What one adb invocation did; {@link #toString()} is meant for assertion messages. */
    record AdbResult(String command, int exitCode, String stdout, String stderr, boolean timedOut) {
        /** Both streams: adb 29 prints some errors ("adb: error: ...") on stdout. */
        String output() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return "`" + command + "` " + (timedOut ? "timed out after 60 s" : "exited " + exitCode)
                    + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
        }
    }
}
