package dev.lighttrack.bench.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** This host's {@code /bin/sh}: the same command lines as a phone gets, for {@code --device host} and tests. */
public final class LocalDeviceShell implements DeviceShell {
    private final Duration timeout;

    public LocalDeviceShell(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public ShellResult run(ShellCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Execution done = execute(command, stdout -> out.writeBytes(stdout.readAllBytes()));
        return new ShellResult(out.toString(StandardCharsets.UTF_8), done.stderr(), done.exitCode());
    }

    @Override
    public StreamedShellResult stream(ShellCommand command, Consumer<String> stdoutLines) {
        Execution done = execute(command, stdout -> {
            Utf8LineSplitter splitter = new Utf8LineSplitter(stdoutLines);
            byte[] buffer = new byte[8192];
            for (int n; (n = stdout.read(buffer)) > 0; ) {
                splitter.accept(buffer, 0, n);
            }
            splitter.finish();
        });
        return new StreamedShellResult(done.stderr(), done.exitCode());
    }

    @Override
    public String describe() {
        return "this host";
    }

    private record Execution(String stderr, int exitCode) {
    }

    private interface StdoutHandler {
        void handle(InputStream stdout) throws IOException;
    }

    private Execution execute(ShellCommand command, StdoutHandler stdoutHandler) {
        Process process;
        try {
            process = new ProcessBuilder(List.of("/bin/sh", "-c", command.line())).start();
        } catch (IOException e) {
            throw new DeviceCommunicationException("cannot start /bin/sh on this host: " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            // stdout is read to its end, so the deadline must be enforced from outside by killing the process
            AtomicBoolean timedOut = new AtomicBoolean();
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (process.isAlive()) {
                    timedOut.set(true);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            });
            // stderr is drained beside stdout so that neither pipe can fill up and stall the command
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            stdoutHandler.handle(process.getInputStream());
            process.waitFor();
            if (timedOut.get()) {
                throw new DeviceCommunicationException("command on this host did not finish within " + timeout.toSeconds()
                        + " s: " + command.line());
            }
            return new Execution(stderr.get(), process.exitValue());
        } catch (IOException e) {
            throw new DeviceCommunicationException("reading a command's output on this host failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceCommunicationException("interrupted while running a command on this host");
        } catch (ExecutionException e) {
            throw new DeviceCommunicationException("reading a command's stderr on this host failed: " + e.getCause());
        } finally {
            process.destroy();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
