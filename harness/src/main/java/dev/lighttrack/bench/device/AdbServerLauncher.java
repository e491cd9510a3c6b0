package dev.lighttrack.bench.device;

import dev.lighttrack.bench.errors.BenchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Starts (and, for tests and recovery, stops) the adb server on this machine with {@code adb -P PORT start-server}.
 * Servers on other hosts are never started: they belong to whoever runs that host.
 */
public final class AdbServerLauncher {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final AdbBinaryLocator locator;

    public AdbServerLauncher(AdbBinaryLocator locator) {
        this.locator = locator;
    }

    /** Returns once a server answers at {@code address}, starting one when it is on this machine and down. */
    public void ensureRunning(AdbServerAddress address) {
        AdbServerClient client = new AdbServerClient(address);
        if (client.isReachable()) {
            return;
        }
        if (!isLoopback(address.host())) {
            throw new AdbUnavailableException("adb server " + address + " is not reachable, and bench starts adb "
                    + "servers only on this machine; start it on that host with 'adb -a -P " + address.port()
                    + " nodaemon server'");
        }
        Path adb = locator.locate();
        runAdb(adb, address, "start-server");
        if (!client.isReachable()) {
            throw new AdbUnavailableException("started '" + adb + " -P " + address.port()
                    + " start-server' but no adb server answers at " + address);
        }
    }

    /** Stops the local server at {@code address} ({@code adb -P PORT kill-server}); a no-op when none answers. */
    public void killServer(AdbServerAddress address) {
        if (!isLoopback(address.host())) {
            throw BenchException.badInput("bench stops adb servers only on this machine, not " + address);
        }
        if (new AdbServerClient(address).isReachable()) {
            runAdb(locator.locate(), address, "kill-server");
        }
    }

    private static void runAdb(Path adb, AdbServerAddress address, String verb) {
        CommandLine command = new CommandLine(adb.toFile());
        command.addArgument("-P");
        command.addArgument(Integer.toString(address.port()));
        command.addArgument(verb);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PumpStreamHandler streams = new PumpStreamHandler(output);
        // the forked server must not keep us waiting on pipes it might have inherited
        streams.setStopTimeout(Duration.ofSeconds(2));
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(streams).get();
        executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(COMMAND_TIMEOUT).get());
        try {
            executor.execute(command);
        } catch (ExecuteException e) {
            throw new AdbUnavailableException("'" + String.join(" ", command.toStrings()) + "' failed (exit "
                    + e.getExitValue() + "): " + output.toString(StandardCharsets.UTF_8).strip(), e);
        } catch (IOException e) {
            throw new AdbUnavailableException("cannot run " + adb + ": " + e.getMessage() + "; "
                    + AdbBinaryLocator.INSTALL_HINT, e);
        }
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // literal addresses only: resolving names here could block on DNS for a remote lab host
            return host.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
