package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The device end of one ADB stream (one OPENed service), with ADB flow control in both directions.
 *
 * <p>Device to host: {@link #output()} splits writes into WRTEs of at most the negotiated payload
 * size and sends the next WRTE only after the host's OKAY for the previous one. One write call is
 * atomic with respect to other writers, so a whole shell or sync frame is never interleaved.
 *
 * <p>Host to device: WRTE payloads are queued as they arrive and {@link #input()} reads them as one
 * continuous byte stream (frames may span WRTEs). The OKAY for a WRTE is sent when a reader takes
 * it from the queue, so a slow consumer (a process not reading stdin) holds the host back instead
 * of growing the queue. Peers that do not wait for OKAY (dadb direct mode) just queue up, and
 * zero-length WRTEs are acknowledged and otherwise ignored.
 */
final class AdbStream {

    /** How long a graceful close waits for the host to acknowledge the last WRTE. */
    private static final long CLOSE_ACK_TIMEOUT_MS = 10_000;
    private static final byte[] END_OF_INPUT = new byte[0];

    private final AdbConnection connection;
    private final int localId;
    private final int remoteId;
    private final BlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
    private final Object writeLock = new Object();
    private final List<Runnable> remoteCloseActions = new ArrayList<>();
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    // Guarded by "this".
    private boolean readyToWrite = true; // the OKAY answering OPEN is the first "ready"
    private boolean closed;
    private boolean closedByRemote;

    AdbStream(AdbConnection connection, int localId, int remoteId) {
        this.connection = connection;
        this.localId = localId;
        this.remoteId = remoteId;
    }

    int localId() {
        return localId;
    }

    int remoteId() {
        return remoteId;
    }

    /** Bytes the host writes on this stream; ends when the stream is closed by either side. */
    InputStream input() {
        return input;
    }

    /** Bytes to the host; writes fail with an IOException once the stream is closed. */
    OutputStream output() {
        return output;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Runs {@code action} when the host closes the stream or the connection drops (at once if it already did). */
    void onRemoteClose(Runnable action) {
        synchronized (this) {
            if (!closedByRemote) {
                remoteCloseActions.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Closes from the device side: waits (bounded) until the host acknowledged the last WRTE, so
     * data and the exit frame reach it before the CLSE, then sends CLSE once.
     */
    void close() {
        synchronized (this) {
            long deadline = System.currentTimeMillis() + CLOSE_ACK_TIMEOUT_MS;
            while (!readyToWrite && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
        }
        inbound.add(END_OF_INPUT);
        connection.streamClosedLocally(this);
    }

    // ---- called by the connection's reader thread ----

    void receivedWrite(byte[] data) {
        inbound.add(data);
    }

    synchronized void receivedOkay() {
        readyToWrite = true;
        notifyAll();
    }

    void receivedClose() {
        List<Runnable> actions;
        synchronized (this) {
            if (closedByRemote) {
                return;
            }
            closedByRemote = true;
            closed = true;
            notifyAll();
            actions = List.copyOf(remoteCloseActions);
            remoteCloseActions.clear();
        }
        inbound.add(END_OF_INPUT);
        actions.forEach(Runnable::run);
    }

    private void acknowledgeReceived() throws IOException {
        synchronized (this) {
            if (closed) {
                return; // an OKAY for a closed stream would only make the host answer CLSE
            }
        }
        connection.send(AdbMessage.of(AdbMessage.OKAY, localId, remoteId));
    }

    private void writeChunk(byte[] chunk) throws IOException {
        synchronized (this) {
            while (!readyToWrite && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the host's OKAY on stream " + localId);
                }
            }
            if (closed) {
                throw new IOException("stream " + localId + " is closed" + (closedByRemote ? " by the host" : ""));
            }
            readyToWrite = false;
        }
        connection.send(new AdbMessage(AdbMessage.WRTE, localId, remoteId, chunk));
    }

    private final class Input extends InputStream {
        private byte[] current = END_OF_INPUT;
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next;
                try {
                    next = inbound.poll(Long.MAX_VALUE, TimeUnit.DAYS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading stream " + localId);
                }
                if (next == END_OF_INPUT) {
                    ended = true;
                    return -1;
                }
                acknowledgeReceived();
                current = next;
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            synchronized (writeLock) {
                int maxPayload = connection.maxPayload();
                int end = offset + length;
                for (int start = offset; start < end; start += maxPayload) {
                    writeChunk(Arrays.copyOfRange(data, start, Math.min(end, start + maxPayload)));
                }
            }
        }
    }
}
