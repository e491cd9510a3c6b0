package dev.lighttrack.bench.agents.virtualdevice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The device side of one ADB transport (one TCP connection from an adb server or dadb):
 * handshake, stream table and message dispatch. Its {@link #run()} is the connection's reader loop.
 *
 * <p>No AUTH: the device answers the host's CNXN with its own CNXN straight away, which the adb
 * server accepts as online. Messages naming unknown or closed stream ids are ignored, as
 * protocol.txt requires (the server echoes CLSE, sometimes twice).
 */
final class AdbConnection implements Runnable, Closeable {

    static final int DEVICE_VERSION = 0x01000001;
    /** What the device advertises and the most it accepts in one message (MAX_PAYLOAD of adbd 29). */
    static final int DEVICE_MAX_PAYLOAD = 1 << 20;

    private static final Logger LOG = Logger.getLogger(AdbConnection.class.getName());

    private final Socket socket;
    private final String banner;
    private final ServiceRouter router;
    private final Executor executor;
    private final Map<Integer, AdbStream> streams = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private final OutputStream out;
    private final String name;

    private volatile int maxPayload = DEVICE_MAX_PAYLOAD;
    private volatile boolean connected;
    private int nextLocalId = 1; // only the reader thread allocates ids

    AdbConnection(Socket socket, String banner, ServiceRouter router, Executor executor) throws IOException {
        this.socket = socket;
        this.banner = banner;
        this.router = router;
        this.executor = executor;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.name = "adb connection from " + socket.getRemoteSocketAddress();
    }

    /** The negotiated maximum payload of one message: min(host's CNXN maxdata, 1 MiB). */
    int maxPayload() {
        return maxPayload;
    }

    @Override
    public void run() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024)) {
            AdbMessage message;
            while ((message = AdbMessageCodec.read(in, DEVICE_MAX_PAYLOAD)) != null) {
                if (LOG.isLoggable(Level.FINE)) {
                    LOG.fine(name + " < " + message);
                }
                dispatch(message);
            }
            LOG.fine(() -> name + ": host closed the connection");
        } catch (AdbProtocolException e) {
            LOG.warning(name + ": dropping connection: " + e.getMessage());
        } catch (IOException e) {
            LOG.fine(() -> name + ": connection ended: " + e);
        } finally {
            close();
        }
    }

    /** Drops the connection; every open stream sees a remote close (which kills its processes). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> name + ": closing socket: " + e);
        }
        List<AdbStream> open = List.copyOf(streams.values());
        streams.clear();
        open.forEach(AdbStream::receivedClose);
    }

    void send(AdbMessage message) throws IOException {
        byte[] encoded = AdbMessageCodec.encode(message);
        synchronized (sendLock) {
            if (LOG.isLoggable(Level.FINE)) { // before the write, so the trace never shows the answer first
                LOG.fine(name + " > " + message);
            }
            out.write(encoded);
            out.flush();
        }
    }

    /** Called by a stream that closed itself: forget it and tell the host. */
    void streamClosedLocally(AdbStream stream) {
        if (streams.remove(stream.localId(), stream)) {
            sendQuietly(AdbMessage.of(AdbMessage.CLSE, stream.localId(), stream.remoteId()));
        }
    }

    private void dispatch(AdbMessage message) throws IOException {
        if (message.command() == AdbMessage.CNXN) {
            handshake(message);
            return;
        }
        if (!connected) {
            return; // anything before the host's CNXN is ignored
        }
        switch (message.command()) {
            case AdbMessage.OPEN -> open(message.arg0(), message.payloadText());
            case AdbMessage.OKAY -> stream(message).ifPresent(AdbStream::receivedOkay);
            case AdbMessage.WRTE -> stream(message).ifPresent(s -> s.receivedWrite(message.payload()));
            case AdbMessage.CLSE -> stream(message).ifPresent(s -> {
                streams.remove(s.localId(), s);
                s.receivedClose();
            });
            default -> LOG.fine(() -> name + ": ignoring " + message);
        }
    }

    private void handshake(AdbMessage hostConnect) throws IOException {
        // A zero or negative maxdata would make every write impossible; keep at least adb's v1 limit.
        int hostMax = hostConnect.arg1() > 0 ? hostConnect.arg1() : 4096;
        maxPayload = Math.min(hostMax, DEVICE_MAX_PAYLOAD);
        connected = true;
        send(AdbMessage.of(AdbMessage.CNXN, DEVICE_VERSION, DEVICE_MAX_PAYLOAD, banner));
    }

    /** The open stream a message names: arg1 is our id, arg0 the host's; anything else is ignored. */
    private Optional<AdbStream> stream(AdbMessage message) {
        AdbStream stream = streams.get(message.arg1());
        if (stream == null || (message.arg0() != 0 && stream.remoteId() != message.arg0())) {
            LOG.fine(() -> name + ": ignoring " + message + " for an unknown or closed stream");
            return Optional.empty();
        }
        return Optional.of(stream);
    }

    private void open(int hostId, String destination) throws IOException {
        Optional<StreamService> service = router.route(destination);
        if (hostId == 0 || service.isEmpty()) {
            LOG.fine(() -> name + ": refusing service \"" + destination + "\"");
            send(AdbMessage.of(AdbMessage.CLSE, 0, hostId));
            return;
        }
        AdbStream stream = new AdbStream(this, allocateLocalId(), hostId);
        streams.put(stream.localId(), stream);
        send(AdbMessage.of(AdbMessage.OKAY, stream.localId(), hostId));
        try {
            executor.execute(() -> serve(service.get(), stream, destination));
        } catch (RejectedExecutionException e) {
            stream.close(); // the device is shutting down
        }
    }

    private void serve(StreamService service, AdbStream stream, String destination) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName(poolName + " " + destination.split(":", 2)[0] + " stream " + stream.localId());
        try {
            service.serve(stream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stream.isClosed()) {
                LOG.log(Level.WARNING, "service \"" + destination + "\" failed", e);
            }
        } finally {
            stream.close();
            thread.setName(poolName); // pool threads are reused
        }
    }

    private int allocateLocalId() {
        int id;
        do {
            id = nextLocalId;
            nextLocalId = nextLocalId == Integer.MAX_VALUE ? 1 : nextLocalId + 1;
        } while (streams.containsKey(id));
        return id;
    }

    private void sendQuietly(AdbMessage message) {
        try {
            send(message);
        } catch (IOException e) {
            LOG.fine(() -> name + ": could not send " + message + ": " + e);
        }
    }
}
