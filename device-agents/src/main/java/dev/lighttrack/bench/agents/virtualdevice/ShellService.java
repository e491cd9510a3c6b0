package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The {@code shell:} service: runs the command line in {@code /bin/sh -c} in the device sandbox.
 *
 * <p>With {@code v2} the stream carries shell protocol frames: stdout (1) and stderr (2) as they
 * are produced, then the exit frame (3), then CLSE, in that order (the adb client needs the CLSE,
 * dadb stops at the exit frame). Without {@code v2} (v1, {@code adb shell -x}) the stream carries
 * stdout and stderr merged, raw, and closes when the command ends. A {@code pty} request is served
 * like {@code raw}; an empty command (an interactive shell) is refused with a message.
 */
record ShellService(ShellServiceRequest request, ShellProcessLauncher launcher, Executor executor)
        implements StreamService {

    static final String INTERACTIVE_REFUSAL =
            "virtual device: interactive shells are not supported; pass a command, e.g. adb shell ls /data/local/tmp\n";

    @Override
    public void serve(AdbStream stream) throws IOException, InterruptedException {
        if (request.interactive()) {
            refuseInteractive(stream);
        } else if (request.shellProtocol()) {
            serveFramed(stream);
        } else {
            serveRaw(stream, launcher.launch(request.command(), true, request.term()), executor);
        }
        stream.close();
    }

    /**
     * The {@code exec:} service: like adbd, a raw stream in both directions (stdin from WRTEs, stdout and stderr
     * merged back), no exit status, closed when the command ends.
     */
    static StreamService exec(String command, ShellProcessLauncher launcher, Executor executor) {
        return stream -> {
            serveRaw(stream, launcher.launch(command, true, java.util.Optional.empty()), executor);
            stream.close();
        };
    }

    /** Runs a started process over a raw stream (v1 shell and exec: output merged, no exit status). */
    static void serveRaw(AdbStream stream, ShellProcess process, Executor executor)
            throws IOException, InterruptedException {
        stream.onRemoteClose(process::killTree);
        executor.execute(() -> ProcessPumps.rawStdin(stream.input(), process));
        try {
            ProcessPumps.rawOutput(process.stdout(), stream.output());
        } finally {
            process.waitFor();
        }
    }

    private void serveFramed(AdbStream stream) throws IOException, InterruptedException {
        ShellProcess process = launcher.launch(request.command(), false, request.term());
        stream.onRemoteClose(process::killTree);
        OutputStream out = stream.output();
        executor.execute(() -> ProcessPumps.framedStdin(stream.input(), process));
        CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> {
            try {
                ProcessPumps.framedOutput(process.stderr(), ShellPacket.ID_STDERR, out);
            } catch (IOException e) {
                throw new StreamFailure(e);
            }
        }, executor);
        int exitCode;
        try {
            ProcessPumps.framedOutput(process.stdout(), ShellPacket.ID_STDOUT, out);
            stderr.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StreamFailure failure ? failure.getCause() : new IOException(e.getCause());
        } finally {
            exitCode = process.waitFor();
        }
        out.write(ShellPacket.exitFrame(exitCode));
    }

    private void refuseInteractive(AdbStream stream) throws IOException {
        byte[] message = INTERACTIVE_REFUSAL.getBytes(StandardCharsets.UTF_8);
        if (request.shellProtocol()) {
            stream.output().write(ShellPacket.encode(ShellPacket.ID_STDERR, message, 0, message.length));
            stream.output().write(ShellPacket.exitFrame(1));
        } else {
            stream.output().write(message);
        }
    }

    /** Carries a stream write failure out of the stderr pump. */
    private static final class StreamFailure extends RuntimeException {
        StreamFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
