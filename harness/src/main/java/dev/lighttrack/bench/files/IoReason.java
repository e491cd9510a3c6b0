package dev.lighttrack.bench.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file operation failed, in words: Java's file exceptions often carry only the path as their message. */
public final class IoReason {
    private IoReason() {
    }

    public static String of(IOException e) {
        String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            what = "not a folder";
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "folder not empty";
        } else if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        } else {
            return String.valueOf(e.getMessage());
        }
        String file = e instanceof FileSystemException fs ? fs.getFile() : null;
        return what + (file == null ? "" : " (" + file + ")");
    }
}
