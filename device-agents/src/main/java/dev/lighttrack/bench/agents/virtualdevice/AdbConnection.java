package dev.lighttrack.bench.agents.virtualdevice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
 * <p>AUTH as on a phone with {@code ro.adb.secure=1}: the host's CNXN is answered with AUTH TOKEN; only a
 * signature by a trusted key ({@link AdbAuthenticator}) gets the device's CNXN, and nothing else (OPEN above
 * all) is served before it. A host that offers an unknown public key stays unauthorized until the handshake
 * times out. Bounded: the handshake must finish in {@value #HANDSHAKE_MS} ms, a connection without open
 * streams is dropped after {@value #IDLE_MS} ms of silence, and at most {@value #MAX_STREAMS} streams are open
 * at once. Messages naming unknown or closed stream ids are ignored, as protocol.txt requires (the server echoes
 * CLSE, sometimes twice).
 */
final class AdbConnection implements Runnable, Closeable {

    static final int DEVICE_VERSION = 0x01000001;
    /** What the device advertises and the most it accepts in one message (MAX_PAYLOAD of adbd 29). */
    static final int DEVICE_MAX_PAYLOAD = 1 << 20;
    static final int AUTH_TOKEN = 1;
    static final int AUTH_SIGNATURE = 2;
    static final int AUTH_RSAPUBLICKEY = 3;
    /** adb tries each of its keys, then offers one; more signatures than this is not a host adb. */
    static final int MAX_AUTH_ATTEMPTS = 10;
    static final int HANDSHAKE_MS = 10_000;
    static final int IDLE_MS = 30 * 60_000;
    static final int MAX_STREAMS = 32;

    private static final Logger LOG = Logger.getLogger(AdbConnection.class.getName());

    private final Socket socket;
    private final AdbAuthenticator authenticator;
    private final String banner;
    private final ServiceRouter router;
    private final Executor executor;
    private final Map<Integer, AdbStream> streams = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    private final OutputStream out;
    private final String name;

    private volatile int maxPayload = DEVICE_MAX_PAYLOAD;
    private volatile boolean connected;
    private byte[] token; // the AUTH TOKEN the host must sign; only the reader thread uses it
    private int authAttempts;
    private int nextLocalId = 1; // only the reader thread allocates ids

    AdbConnection(Socket socket, AdbAuthenticator authenticator, String banner, ServiceRouter router,
            Executor executor) throws IOException {
        this.socket = socket;
        this.authenticator = authenticator;
        socket.setSoTimeout(HANDSHAKE_MS);
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
            while ((message = readNext(in)) != null) {
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

    /** The next message; null at the end. A timeout ends an unfinished handshake or an idle connection. */
    private AdbMessage readNext(InputStream in) throws IOException {
        while (true) {
            try {
                return AdbMessageCodec.read(in, DEVICE_MAX_PAYLOAD);
            } catch (SocketTimeoutException e) {
                if (!connected) {
                    LOG.warning(name + ": no authenticated handshake within " + HANDSHAKE_MS + " ms; dropping it");
                    return null;
                }
                if (streams.isEmpty()) {
                    LOG.fine(() -> name + ": idle for " + IDLE_MS + " ms; dropping it");
                    return null;
                }
                // streams are open (a long benchmark prints nothing for a while): keep waiting
            }
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
        if (message.command() == AdbMessage.AUTH) {
            authenticate(message);
            return;
        }
        if (!connected) {
            return; // nothing is served before an authenticated CNXN
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
        if (connected) {
            send(AdbMessage.of(AdbMessage.CNXN, DEVICE_VERSION, DEVICE_MAX_PAYLOAD, banner));
            return;
        }
        challenge();
    }

    private void challenge() throws IOException {
        token = authenticator.newToken();
        send(new AdbMessage(AdbMessage.AUTH, AUTH_TOKEN, 0, token));
    }

    private void authenticate(AdbMessage auth) throws IOException {
        if (connected || token == null) {
            return; // AUTH before CNXN, or after success, means nothing
        }
        if (auth.arg0() == AUTH_SIGNATURE) {
            if (authenticator.verify(token, auth.payload())) {
                token = null;
                connected = true;
                socket.setSoTimeout(IDLE_MS);
                send(AdbMessage.of(AdbMessage.CNXN, DEVICE_VERSION, DEVICE_MAX_PAYLOAD, banner));
                return;
            }
            if (++authAttempts >= MAX_AUTH_ATTEMPTS) {
                LOG.warning(name + ": " + authAttempts + " signatures by untrusted keys; dropping it");
                close();
                return;
            }
            challenge();
        } else if (auth.arg0() == AUTH_RSAPUBLICKEY) {
            // a phone would ask its user; a virtual device trusts only the keys it was given
            LOG.warning(name + ": refusing an adb key it does not trust (" + keyComment(auth) + "); trust it with -D"
                    + VirtualDeviceConfig.TRUSTED_KEYS_PROPERTY + "=<its adbkey.pub>");
        }
    }

    private static String keyComment(AdbMessage auth) {
        String text = auth.payloadText();
        int space = text.indexOf(' ');
        String comment = (space < 0 ? "no name" : text.substring(space + 1).strip()).replaceAll("\\p{Cntrl}", "?");
        return comment.length() > 80 ? comment.substring(0, 80) + "..." : comment;
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
        if (streams.size() >= MAX_STREAMS) {
            LOG.warning(name + ": refusing service \"" + destination.split(":", 2)[0] + "\": " + MAX_STREAMS
                    + " streams already open");
            send(AdbMessage.of(AdbMessage.CLSE, 0, hostId));
            return;
        }
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
