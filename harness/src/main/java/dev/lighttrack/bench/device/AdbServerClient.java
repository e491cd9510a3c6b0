package dev.lighttrack.bench.device;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The host services of one adb server ({@code host:version}, {@code host:devices}) over its smart-socket
 * protocol. dadb's own device listing refuses servers that list offline or unauthorized devices, which the
 * harness must show, hence this small client; device services go through dadb ({@link AdbDeviceShell}).
 */
public final class AdbServerClient {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final AdbServerAddress server;
    private final Duration timeout;

    public AdbServerClient(AdbServerAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    public AdbServerClient(AdbServerAddress server) {
        this(server, DEFAULT_TIMEOUT);
    }

    public AdbServerAddress server() {
        return server;
    }

    /** True when an adb server answers at the address. */
    public boolean isReachable() {
        try {
            version();
            return true;
        } catch (AdbUnavailableException e) {
            return false;
        }
    }

    /** The server's internal protocol version (41 for adb 29). */
    public int version() {
        String hex = request("host:version");
        try {
            return Integer.parseInt(hex.trim(), 16);
        } catch (NumberFormatException e) {
            throw new AdbUnavailableException("adb server " + server + " answered host:version with '" + hex
                    + "'; is something else listening on that port?");
        }
    }

    /** Every device the server knows, in every state. */
    public List<AdbDeviceEntry> devices() {
        List<AdbDeviceEntry> devices = new ArrayList<>();
        for (String line : request("host:devices").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new AdbUnavailableException("adb server " + server + " listed a device as '" + line
                        + "' (expected SERIAL<TAB>STATE)");
            }
            devices.add(new AdbDeviceEntry(line.substring(0, tab), DeviceState.parse(line.substring(tab + 1).trim())));
        }
        return List.copyOf(devices);
    }

    /**
     * Asks the server to connect a network device ({@code host:connect:HOST:PORT}); returns the server's answer
     * ("connected to ..." or "already connected to ...") or fails with it.
     */
    public String connect(String hostPort) {
        String answer = request("host:connect:" + hostPort).trim();
        if (!answer.startsWith("connected to") && !answer.startsWith("already connected to")) {
            throw new AdbUnavailableException("adb server " + server + " could not connect " + hostPort + ": " + answer);
        }
        return answer;
    }

    /** Asks the server to drop a network device it connected ({@code host:disconnect:HOST:PORT}). */
    public String disconnect(String hostPort) {
        return request("host:disconnect:" + hostPort).trim();
    }

    private String request(String service) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            byte[] payload = service.getBytes(StandardCharsets.UTF_8);
            out.write(String.format("%04x", payload.length).getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String status = readFixed(in, 4);
            if (status.equals("FAIL")) {
                throw new AdbUnavailableException("adb server " + server + " refused " + service + ": " + readHexPrefixed(in));
            }
            if (!status.equals("OKAY")) {
                throw new AdbUnavailableException("adb server " + server + " answered '" + status
                        + "' to " + service + "; is something else listening on that port?");
            }
            return readHexPrefixed(in);
        } catch (SocketTimeoutException e) {
            throw new AdbUnavailableException("adb server " + server + " did not answer " + service + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AdbUnavailableException("adb server " + server + " is not reachable (" + e.getMessage() + ")", e);
        }
    }

    private static String readHexPrefixed(DataInputStream in) throws IOException {
        String hex = readFixed(in, 4);
        int length;
        try {
            length = Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad length prefix '" + hex + "'");
        }
        return readFixed(in, length);
    }

    private static String readFixed(DataInputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("connection closed by the server");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
