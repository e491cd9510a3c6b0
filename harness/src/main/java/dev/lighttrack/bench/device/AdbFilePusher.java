package dev.lighttrack.bench.device;

import dadb.Dadb;
import dadb.SyncResult;
import dadb.adbserver.AdbServer;
import dev.lighttrack.bench.errors.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Pushes files through an adb server's sync service to one device, with dadb. */
public final class AdbFilePusher implements FilePusher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final AdbServerAddress server;
    private final String serial;

    public AdbFilePusher(AdbServerAddress server, String serial) {
        this.server = server;
        this.serial = serial;
    }

    @Override
    public void push(Path local, String devicePath, int mode) {
        if (!Files.isRegularFile(local)) {
            throw BenchException.badInput("cannot push " + local + ": not a readable file");
        }
        SyncResult result;
        try (Dadb dadb = AdbServer.createDadb(server.host(), server.port(), "host:transport:" + serial,
                (int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis())) {
            result = dadb.push(local.toFile(), devicePath, mode, Files.getLastModifiedTime(local).toMillis());
        } catch (Exception e) {
            throw new DeviceCommunicationException("pushing " + local.getFileName() + " to " + serial + " on adb server "
                    + server + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    e instanceof IOException io ? io : new IOException(e));
        }
        if (result instanceof SyncResult.Failure failure) {
            throw new DeviceCommunicationException("pushing " + local.getFileName() + " to " + devicePath + " on " + serial
                    + " failed: " + failure.getReason());
        }
    }
}
