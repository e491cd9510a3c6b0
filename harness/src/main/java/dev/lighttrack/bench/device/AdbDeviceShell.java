package dev.lighttrack.bench.device;

import dadb.AdbShellPacket;
import dadb.AdbShellStream;
import dadb.Dadb;
import dadb.adbserver.AdbServer;
import dev.lighttrack.bench.errors.BenchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A shell on a device attached to an adb server, through dadb: {@code host:transport:<serial>} then
 * {@code shell,v2,raw:<line>}, so stdout, stderr and the exit code come back separately. Works for any device
 * the server lists (USB phone, network device, virtual device).
 */
public final class AdbDeviceShell implements DeviceShell {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The smart-socket request length is 4 hex digits; stay well below it. */
    private static final int MAX_LINE_BYTES = 60_000;

    private final AdbServerAddress server;
    private final String serial;
    private final Duration commandTimeout;
    private final Duration streamIdleTimeout;

    public AdbDeviceShell(AdbServerAddress server, String serial, Duration commandTimeout, Duration streamIdleTimeout) {
        this.server = server;
        this.serial = serial;
        this.commandTimeout = commandTimeout;
        this.streamIdleTimeout = streamIdleTimeout;
    }

    public AdbDeviceShell(AdbServerAddress server, String serial) {
        this(server, serial, DEFAULT_COMMAND_TIMEOUT, DEFAULT_STREAM_IDLE_TIMEOUT);
    }

    @Override
    public ShellResult run(ShellCommand command) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Ending ending = execute(command, commandTimeout, (bytes) -> stdout.writeBytes(bytes));
        return new ShellResult(stdout.toString(StandardCharsets.UTF_8), ending.stderr(), ending.exitCode());
    }

    @Override
    public StreamedShellResult stream(ShellCommand command, Consumer<String> stdoutLines) {
        Utf8LineSplitter splitter = new Utf8LineSplitter(stdoutLines);
        Ending ending = execute(command, streamIdleTimeout, (bytes) -> splitter.accept(bytes, 0, bytes.length));
        splitter.finish();
        return new StreamedShellResult(ending.stderr(), ending.exitCode());
    }

    @Override
    public String describe() {
        return serial + " on adb server " + server;
    }

    private record Ending(String stderr, int exitCode) {
    }

    private interface StdoutSink {
        void accept(byte[] bytes);
    }

    private Ending execute(ShellCommand command, Duration readTimeout, StdoutSink stdout) {
        if (command.line().getBytes(StandardCharsets.UTF_8).length > MAX_LINE_BYTES) {
            throw BenchException.badInput("shell command for " + describe() + " is longer than "
                    + MAX_LINE_BYTES + " bytes; push a script instead");
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Dadb dadb = null;
        try {
            dadb = connect(readTimeout);
            try (AdbShellStream shell = dadb.openShell(command.line())) {
                while (true) {
                    AdbShellPacket packet = shell.read();
                    if (packet instanceof AdbShellPacket.StdOut) {
                        stdout.accept(packet.getPayload());
                    } else if (packet instanceof AdbShellPacket.StdError) {
                        stderr.writeBytes(packet.getPayload());
                    } else if (packet instanceof AdbShellPacket.Exit) {
                        byte[] payload = packet.getPayload();
                        // dadb reads the status as a signed byte (255 would become -1); it is unsigned on the wire
                        int exitCode = payload.length == 0 ? -1 : payload[0] & 0xFF;
                        return new Ending(stderr.toString(StandardCharsets.UTF_8), exitCode);
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new DeviceCommunicationException(describe() + ": no output for " + readTimeout.toSeconds()
                    + " s from: " + abbreviate(command.line()), e);
        } catch (IOException e) {
            throw new DeviceCommunicationException(describe() + ": " + message(e), e);
        } finally {
            closeQuietly(dadb);
        }
    }

    private static void closeQuietly(Dadb dadb) {
        if (dadb == null) {
            return;
        }
        try {
            dadb.close();
        } catch (Exception e) {
            // the command's outcome is already decided; a failing close of a server socket changes nothing
        }
    }

    private Dadb connect(Duration readTimeout) throws IOException {
        Dadb dadb;
        try {
            dadb = AdbServer.createDadb(server.host(), server.port(), "host:transport:" + serial,
                    (int) CONNECT_TIMEOUT.toMillis(), (int) readTimeout.toMillis());
        } catch (Exception e) {
            // Kotlin declares no checked exceptions here, yet the server's FAIL ("device not found") is an IOException
            throw new IOException("cannot reach the device (" + message(e) + ")", e);
        }
        if (!dadb.supportsFeature("shell_v2")) {
            closeQuietly(dadb);
            throw new IOException("the device does not offer shell v2 (exit codes); Android 7 or newer is needed");
        }
        return dadb;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
