package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * The device side of adb's public-key authentication, as a phone with {@code ro.adb.secure=1} does it: a random
 * 20-byte token per attempt, which the host signs with its private key; the signature is accepted only when one of
 * the trusted public keys verifies it. A host offering an unknown public key is refused: a virtual device has no
 * user to approve it. Trusted keys are read at each attempt, so a key the adb server creates later is seen.
 */
final class AdbAuthenticator {
    static final int TOKEN_BYTES = 20;
    /** adb signs the token as if it were a SHA-1 digest: RSA PKCS#1 v1.5 over this DigestInfo prefix + token. */
    private static final byte[] SHA1_DIGEST_INFO = HexFormat.of().parseHex("3021300906052b0e03021a05000414");

    private static final Logger LOG = Logger.getLogger(AdbAuthenticator.class.getName());

    private final List<Path> trustedKeyFiles;
    private final SecureRandom random = new SecureRandom();

    AdbAuthenticator(List<Path> trustedKeyFiles) {
        this.trustedKeyFiles = List.copyOf(trustedKeyFiles);
    }

    byte[] newToken() {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return token;
    }

    /** Whether a trusted key made {@code signature} over {@code token}. */
    boolean verify(byte[] token, byte[] signature) {
        byte[] signed = new byte[SHA1_DIGEST_INFO.length + token.length];
        System.arraycopy(SHA1_DIGEST_INFO, 0, signed, 0, SHA1_DIGEST_INFO.length);
        System.arraycopy(token, 0, signed, SHA1_DIGEST_INFO.length, token.length);
        for (AdbPublicKey key : trustedKeys()) {
            try {
                Signature rsa = Signature.getInstance("NONEwithRSA");
                rsa.initVerify(key.key());
                rsa.update(signed);
                if (rsa.verify(signature)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                LOG.fine(() -> "signature check with " + key.comment() + ": " + e);
            }
        }
        return false;
    }

    private List<AdbPublicKey> trustedKeys() {
        List<AdbPublicKey> keys = new ArrayList<>();
        for (Path file : trustedKeyFiles) {
            try {
                keys.addAll(AdbPublicKey.readAll(file));
            } catch (IOException | IllegalArgumentException e) {
                LOG.fine(() -> "trusted adb key file " + file + " not used: " + e.getMessage());
            }
        }
        return keys;
    }
}
