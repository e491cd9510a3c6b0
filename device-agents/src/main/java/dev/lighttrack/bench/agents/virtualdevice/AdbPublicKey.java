package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An adb public key in Android's format, as {@code adbkey.pub} and a phone's {@code adb_keys} hold it: base64 of
 * {@code {u32 words; u32 n0inv; u32 n[words]; u32 rr[words]; u32 e}} (little-endian, the modulus least
 * significant word first), then an optional comment ({@code user@host}).
 */
record AdbPublicKey(RSAPublicKey key, String comment) {
    /** RSA-2048, the only size adb makes. */
    static final int WORDS = 64;
    static final int ENCODED_BYTES = 4 + 4 + 4 * WORDS + 4 * WORDS + 4;

    static AdbPublicKey parse(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String b64 = space < 0 ? trimmed : trimmed.substring(0, space);
        String comment = space < 0 ? "" : trimmed.substring(space + 1).strip();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        return new AdbPublicKey(decode(raw), comment);
    }

    /** Decodes the binary form (what an AUTH RSAPUBLICKEY message carries, without its trailing NUL). */
    static RSAPublicKey decode(byte[] raw) {
        if (raw.length != ENCODED_BYTES) {
            throw new IllegalArgumentException("not an adb RSA-2048 public key (" + raw.length + " bytes, expected "
                    + ENCODED_BYTES + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int words = b.getInt();
        if (words != WORDS) {
            throw new IllegalArgumentException("not an adb RSA-2048 public key (" + words + " words)");
        }
        b.getInt(); // n0inv: a Montgomery constant for the phone's verifier, not needed here
        byte[] modulus = new byte[4 * WORDS];
        for (int i = 0; i < WORDS; i++) {
            int word = b.getInt();
            int at = 4 * (WORDS - 1 - i); // big-endian for BigInteger: the last word first
            modulus[at] = (byte) (word >>> 24);
            modulus[at + 1] = (byte) (word >>> 16);
            modulus[at + 2] = (byte) (word >>> 8);
            modulus[at + 3] = (byte) word;
        }
        b.position(b.position() + 4 * WORDS); // rr = R^2 mod n, also only for the phone's verifier
        long exponent = Integer.toUnsignedLong(b.getInt());
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), BigInteger.valueOf(exponent)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable RSA key: " + e.getMessage());
        }
    }

    /** Every key of a file with one key per line ({@code adbkey.pub}, or an {@code adb_keys} list). */
    static List<AdbPublicKey> readAll(Path file) throws IOException {
        List<AdbPublicKey> keys = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                keys.add(parse(line));
            }
        }
        return keys;
    }
}
