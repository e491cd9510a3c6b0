package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * A file's stat as the sync protocol reports it (the fields of stat_v2), or the Linux errno of a
 * failed stat. Times are in seconds since the epoch; {@code mode} includes the file-type bits.
 */
record FileStat(int errno, long dev, long ino, int mode, int nlink, int uid, int gid, long size,
                long atime, long mtime, long ctime) {

    static final int ENOENT = 2;
    static final int EIO = 5;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;
    static final int EISDIR = 21;

    static final int S_IFMT = 0170000;
    static final int S_IFREG = 0100000;
    static final int S_IFDIR = 0040000;
    static final int S_IFLNK = 0120000;

    /** Length of a STA2/LST2 reply: id, error, then the stat fields. */
    static final int STAT_V2_LENGTH = 72;

    static FileStat failed(int errno) {
        return new FileStat(errno, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Stats {@code file} ({@code lstat} when {@code followLinks} is false); failures become an errno. */
    static FileStat of(Path file, boolean followLinks) {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:*", options);
            return new FileStat(0, (Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("mode"),
                    (Integer) a.get("nlink"), (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                    seconds(a.get("lastAccessTime")), seconds(a.get("lastModifiedTime")), seconds(a.get("ctime")));
        } catch (IOException e) {
            return failed(errnoOf(e));
        }
    }

    boolean exists() {
        return errno == 0;
    }

    boolean isRegularFile() {
        return exists() && (mode & S_IFMT) == S_IFREG;
    }

    boolean isDirectory() {
        return exists() && (mode & S_IFMT) == S_IFDIR;
    }

    /** STAT (v1) reply: mode, size, mtime as u32; all zero when the file does not exist. */
    byte[] encodeV1() {
        return buffer(16).putInt(0x54415453) // "STAT"
                .putInt(exists() ? mode : 0)
                .putInt(exists() ? (int) size : 0)
                .putInt(exists() ? (int) mtime : 0)
                .array();
    }

    /** STA2/LST2 reply (72 bytes), echoing the request id. */
    byte[] encodeV2(int requestId) {
        ByteBuffer b = buffer(STAT_V2_LENGTH).putInt(requestId);
        putV2Fields(b);
        return b.array();
    }

    /** DENT (v1 LIST) entry: mode, size, mtime, name length, name. */
    byte[] encodeDentV1(byte[] name) {
        return buffer(20 + name.length).putInt(0x544e4544) // "DENT"
                .putInt(mode).putInt((int) size).putInt((int) mtime).putInt(name.length).put(name).array();
    }

    /** DNT2 (LIS2) entry: the stat v2 fields, name length, name. */
    byte[] encodeDentV2(byte[] name) {
        ByteBuffer b = buffer(76 + name.length).putInt(0x32544e44); // "DNT2"
        putV2Fields(b);
        return b.putInt(name.length).put(name).array();
    }

    private void putV2Fields(ByteBuffer b) {
        b.putInt(errno).putLong(dev).putLong(ino).putInt(mode).putInt(nlink).putInt(uid).putInt(gid)
                .putLong(size).putLong(atime).putLong(mtime).putLong(ctime);
    }

    static String strerror(int errno) {
        return switch (errno) {
            case ENOENT -> "No such file or directory";
            case EACCES -> "Permission denied";
            case ENOTDIR -> "Not a directory";
            case EISDIR -> "Is a directory";
            default -> "I/O error";
        };
    }

    static int errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ENOENT;
        }
        if (e instanceof AccessDeniedException) {
            return EACCES;
        }
        if (e instanceof NotDirectoryException) {
            return ENOTDIR;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            if (fs.getReason().contains("Not a directory")) {
                return ENOTDIR;
            }
            if (fs.getReason().contains("Is a directory")) {
                return EISDIR;
            }
        }
        return EIO;
    }

    private static long seconds(Object fileTime) {
        return ((FileTime) fileTime).toMillis() / 1000;
    }

    private static ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
