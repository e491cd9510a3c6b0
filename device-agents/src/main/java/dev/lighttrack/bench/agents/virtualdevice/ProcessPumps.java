package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;

/** Copies between a shell process and an ADB stream, chunk by chunk, so output streams as it is produced. */
final class ProcessPumps {

    private static final Logger LOG = Logger.getLogger(ProcessPumps.class.getName());
    private static final int CHUNK = 64 * 1024;

    private ProcessPumps() {
    }

    /** Sends process output as it arrives, each read as one shell v2 frame of {@code frameId}. */
    static void framedOutput(InputStream processOutput, int frameId, OutputStream stream) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = processOutput.read(buffer)) >= 0) {
            if (n > 0) {
                stream.write(ShellPacket.encode(frameId, buffer, 0, n));
            }
        }
    }

    /** Sends process output as it arrives, unframed (v1 shell and exec). */
    static void rawOutput(InputStream processOutput, OutputStream stream) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = processOutput.read(buffer)) >= 0) {
            if (n > 0) {
                stream.write(buffer, 0, n);
            }
        }
    }

    /**
     * Feeds shell v2 stdin frames to the process until the stream ends: id 0 is written to its
     * stdin, id 4 closes it, window-size changes and unknown ids are ignored. Once the process
     * stops accepting input, frames are still read (and so acknowledged) and dropped.
     */
    static void framedStdin(InputStream stream, ShellProcess process) {
        StdinSink stdin = new StdinSink(process.stdin());
        try {
            ShellPacket packet;
            while ((packet = ShellPacket.read(stream)) != null) {
                switch (packet.id()) {
                    case ShellPacket.ID_STDIN -> stdin.write(packet.data(), packet.data().length);
                    case ShellPacket.ID_CLOSE_STDIN -> stdin.close();
                    default -> { } // window size changes mean nothing without a pty
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "shell stdin stream: " + e.getMessage() + "; dropping the rest");
            drain(stream);
        } finally {
            stdin.close();
        }
    }

    /** Feeds raw stream bytes to the process stdin until the stream ends (v1 shell and exec). */
    static void rawStdin(InputStream stream, ShellProcess process) {
        StdinSink stdin = new StdinSink(process.stdin());
        byte[] buffer = new byte[CHUNK];
        try {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                stdin.write(buffer, n);
            }
        } catch (IOException e) {
            LOG.fine(() -> "raw stdin stream: " + e.getMessage());
        } finally {
            stdin.close();
        }
    }

    private static void drain(InputStream stream) {
        try {
            stream.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            LOG.fine(() -> "draining stdin stream: " + e.getMessage());
        }
    }

    /** A process stdin that turns into a sink once the process no longer reads it. */
    private static final class StdinSink {
        private final OutputStream stdin;
        private boolean open = true;

        StdinSink(OutputStream stdin) {
            this.stdin = stdin;
        }

        void write(byte[] data, int length) {
            if (!open || length == 0) {
                return;
            }
            try {
                stdin.write(data, 0, length);
                stdin.flush();
            } catch (IOException e) {
                close(); // the process exited or closed its stdin: like a broken pipe on a phone
            }
        }

        void close() {
            if (open) {
                open = false;
                try {
                    stdin.close();
                } catch (IOException e) {
                    LOG.fine(() -> "closing process stdin: " + e.getMessage());
                }
            }
        }
    }
}
