package dev.lighttrack.bench.agents.virtualdevice;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@code sync:} service (file transfer; layouts as in adb's file_sync_protocol.h).
 *
 * <p>Requests ({@code id[4] | len:u32 | path}) are read from the stream as one byte stream, so
 * they may be split or packed across WRTEs in any way. Supported: STAT, STA2, LST2, LIST, LIS2,
 * SEND (mkdir -p of parents, mode and mtime applied, written to a temporary file and moved into
 * place on DONE), RECV (DATA chunks of at most 64 KiB, or FAIL), QUIT (closes the stream). Device
 * paths are mapped as {@link DevicePathMapper} describes; only {@code /data/local/tmp} is writable.
 */
final class SyncService implements StreamService {

    static final int STAT = 0x54415453;
    static final int STA2 = 0x32415453;
    static final int LST2 = 0x3254534c;
    static final int LIST = 0x5453494c;
    static final int LIS2 = 0x3253494c;
    static final int SEND = 0x444e4553;
    static final int RECV = 0x56434552;
    static final int QUIT = 0x54495551;
    static final int DATA = 0x41544144;
    static final int DONE = 0x454e4f44;
    static final int OKAY = 0x59414b4f;
    static final int FAIL = 0x4c494146;

    /** adb's limit on a request path. */
    static final int MAX_PATH_LENGTH = 1024;
    /** SYNC_DATA_MAX: the client rejects larger DATA chunks. */
    static final int MAX_DATA_CHUNK = 64 * 1024;
    private static final int DEFAULT_PUSH_MODE = 0100644;
    private static final int RESPONSE_BUFFER = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());

    private final DeviceSandbox sandbox;

    SyncService(DeviceSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void serve(AdbStream stream) throws IOException {
        InputStream in = stream.input();
        OutputStream out = new BufferedOutputStream(stream.output(), RESPONSE_BUFFER);
        while (true) {
            long id = LittleEndian.readU32OrEnd(in);
            if (id < 0) {
                break; // the host closed the stream without QUIT
            }
            long length = LittleEndian.readU32(in);
            int request = (int) id;
            if (request == QUIT) {
                break;
            }
            if (length > MAX_PATH_LENGTH) { // the rest of the stream can no longer be trusted
                fail(out, "sync request path of " + length + " bytes exceeds the limit of " + MAX_PATH_LENGTH);
                break;
            }
            String path = new String(LittleEndian.readExactly(in, (int) length), StandardCharsets.UTF_8);
            LOG.fine(() -> "sync " + idName(request) + " " + path);
            boolean carryOn = switch (request) {
                case STAT -> write(out, FileStat.of(hostPath(path), false).encodeV1());
                case STA2 -> write(out, FileStat.of(hostPath(path), true).encodeV2(STA2));
                case LST2 -> write(out, FileStat.of(hostPath(path), false).encodeV2(LST2));
                case LIST, LIS2 -> list(out, path, request == LIS2);
                case SEND -> receiveFile(in, out, path);
                case RECV -> sendFile(out, path);
                default -> !fail(out, "unknown sync request '" + idName(request)
                        + "': the virtual device supports STAT STA2 LST2 LIST LIS2 SEND RECV QUIT");
            };
            out.flush();
            if (!carryOn) {
                break;
            }
        }
        out.flush();
        stream.close(); // QUIT (or a protocol error) ends the stream, as adbd does
    }

    private Path hostPath(String devicePath) {
        return sandbox.paths().toHostPath(devicePath);
    }

    private boolean list(OutputStream out, String devicePath, boolean v2) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(hostPath(devicePath))) {
            for (Path entry : entries) {
                FileStat stat = FileStat.of(entry, false);
                if (stat.exists()) {
                    byte[] name = entry.getFileName().toString().getBytes(StandardCharsets.UTF_8);
                    out.write(v2 ? stat.encodeDentV2(name) : stat.encodeDentV1(name));
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "sync LIST " + devicePath + ": " + e); // adbd sends just the end marker too
        }
        // The end marker is a full-size entry whose id is DONE.
        ByteBuffer done = ByteBuffer.allocate(v2 ? 76 : 20).order(ByteOrder.LITTLE_ENDIAN).putInt(DONE);
        out.write(done.array());
        return true;
    }

    private boolean sendFile(OutputStream out, String devicePath) throws IOException {
        Path file = hostPath(devicePath);
        FileStat stat = FileStat.of(file, true);
        if (!stat.exists()) {
            return fail(out, "open failed: " + FileStat.strerror(stat.errno()));
        }
        if (stat.isDirectory()) {
            return fail(out, "read failed: " + FileStat.strerror(FileStat.EISDIR));
        }
        InputStream content;
        try {
            content = Files.newInputStream(file);
        } catch (IOException e) {
            return fail(out, "open failed: " + FileStat.strerror(FileStat.errnoOf(e)));
        }
        try (content) {
            byte[] chunk = new byte[MAX_DATA_CHUNK];
            int n;
            while ((n = content.readNBytes(chunk, 0, chunk.length)) > 0) {
                out.write(header(DATA, n));
                out.write(chunk, 0, n);
            }
        } catch (IOException e) {
            return fail(out, "read failed: " + FileStat.strerror(FileStat.errnoOf(e)));
        }
        out.write(header(DONE, 0));
        return true;
    }

    /**
     * SEND: the request path is {@code "<device path>,<decimal st_mode>"} (split at the last comma),
     * then DATA chunks and a DONE carrying the mtime. The reply (OKAY or FAIL) comes only after DONE;
     * after a failure the data is still read and dropped, as adbd does.
     */
    private boolean receiveFile(InputStream in, OutputStream out, String spec) throws IOException {
        int comma = spec.lastIndexOf(',');
        String devicePath = comma < 0 ? spec : spec.substring(0, comma);
        int mode = comma < 0 ? DEFAULT_PUSH_MODE : parseMode(spec.substring(comma + 1));
        IncomingFile incoming = IncomingFile.open(hostPath(devicePath), devicePath, mode);
        while (true) {
            long id = LittleEndian.readU32OrEnd(in);
            if (id < 0) {
                incoming.abandon();
                throw new EOFException("stream ended during SEND of " + devicePath);
            }
            long length = LittleEndian.readU32(in);
            if ((int) id == DATA) {
                incoming.write(in, length);
            } else if ((int) id == DONE) {
                String failure = incoming.finish(length);
                return failure == null ? write(out, header(OKAY, 0)) : fail(out, failure);
            } else {
                incoming.abandon();
                fail(out, "expected DATA or DONE during SEND of " + devicePath + ", got '" + idName((int) id) + "'");
                return false;
            }
        }
    }

    private static int parseMode(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return DEFAULT_PUSH_MODE;
        }
    }

    private static boolean write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        return true;
    }

    /** Sends FAIL with a message; returns true (the session goes on) for use in the request switch. */
    private static boolean fail(OutputStream out, String message) throws IOException {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        out.write(header(FAIL, text.length));
        out.write(text);
        return true;
    }

    private static byte[] header(int id, long length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(id).putInt((int) length).array();
    }

    static String idName(int id) {
        byte[] bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(id).array();
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return String.format("0x%08x", id);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A pushed file being received into a temporary file next to its target. */
    private static final class IncomingFile {
        private final Path target;
        private final String devicePath;
        private final int mode;
        private Path temporary;
        private OutputStream content;
        private String failure;

        private IncomingFile(Path target, String devicePath, int mode) {
            this.target = target;
            this.devicePath = devicePath;
            this.mode = mode;
        }

        static IncomingFile open(Path target, String devicePath, int mode) {
            IncomingFile file = new IncomingFile(target, devicePath, mode);
            if (!DevicePathMapper.isWritable(devicePath)) {
                file.failure = "couldn't create file " + devicePath + ": Read-only file system"
                        + " (only /data/local/tmp is writable on the virtual device)";
            } else if ((mode & FileStat.S_IFMT) == FileStat.S_IFLNK) {
                file.failure = "couldn't create symlink " + devicePath + ": the virtual device accepts regular files only";
            } else if (Files.isDirectory(target)) {
                file.failure = "couldn't create file " + devicePath + ": Is a directory";
            } else {
                try {
                    Files.createDirectories(target.getParent()); // mkdir -p, as with fixed_push_mkdir
                    file.temporary = Files.createTempFile(target.getParent(), ".vdev-push-", ".tmp");
                    file.content = Files.newOutputStream(file.temporary);
                } catch (FileAlreadyExistsException e) {
                    file.fail("couldn't create directories for " + devicePath + ": Not a directory");
                } catch (IOException e) {
                    file.fail("couldn't create file " + devicePath + ": " + FileStat.strerror(FileStat.errnoOf(e)));
                }
            }
            return file;
        }

        /** Copies (or, after a failure, skips) one DATA chunk of {@code length} bytes. */
        void write(InputStream in, long length) throws IOException {
            byte[] buffer = new byte[(int) Math.min(length, MAX_DATA_CHUNK)];
            long left = length;
            while (left > 0) {
                int n = in.readNBytes(buffer, 0, (int) Math.min(left, buffer.length));
                if (n == 0) {
                    abandon();
                    throw new EOFException("stream ended inside a DATA chunk of " + devicePath);
                }
                left -= n;
                if (content != null) {
                    try {
                        content.write(buffer, 0, n);
                    } catch (IOException e) {
                        fail("write failed for " + devicePath + ": " + FileStat.strerror(FileStat.errnoOf(e)));
                    }
                }
            }
        }

        /** Applies mode and mtime and moves the file into place; returns a failure message, or null. */
        String finish(long mtimeSeconds) {
            if (failure != null) {
                return failure;
            }
            try {
                content.close();
                content = null;
                Files.setPosixFilePermissions(temporary, permissions(mode));
                Files.setLastModifiedTime(temporary, FileTime.fromMillis(mtimeSeconds * 1000));
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return null;
            } catch (IOException e) {
                fail("couldn't finish " + devicePath + ": " + FileStat.strerror(FileStat.errnoOf(e)));
                return failure;
            }
        }

        void abandon() {
            if (failure == null) {
                fail("transfer of " + devicePath + " abandoned");
            }
        }

        private void fail(String message) {
            failure = message;
            try {
                if (content != null) {
                    content.close();
                }
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException e) {
                LOG.fine(() -> "cleaning up " + temporary + ": " + e);
            }
            content = null;
            temporary = null;
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
            for (int i = 0; i < bits.length; i++) {
                if ((mode & (0400 >> i)) != 0) {
                    permissions.add(bits[i]);
                }
            }
            return permissions;
        }
    }
}
