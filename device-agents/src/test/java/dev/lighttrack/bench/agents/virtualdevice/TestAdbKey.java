package dev.lighttrack.bench.agents.virtualdevice;

import dadb.AdbKeyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One adb key pair for this test run (made by dadb, in adb's own formats), which the test devices trust and
 * the test adb servers and dadb clients sign with; a second, untrusted pair for the refusals.
 */
final class TestAdbKey {
    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "ltbench-test-adbkeys");

    private TestAdbKey() {
    }

    /** The trusted private key ({@code adbkey}); its public key is beside it as {@code adbkey.pub}. */
    static synchronized Path trusted() {
        return pair("trusted");
    }

    static synchronized Path untrusted() {
        return pair("untrusted");
    }

    static Path publicKey(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Copies the trusted pair into {@code home/.android/}, where an adb server started with that HOME looks. */
    static void installIn(Path home) throws IOException {
        Path android = Files.createDirectories(home.resolve(".android"));
        Files.copy(trusted(), android.resolve("adbkey"));
        Files.copy(publicKey(trusted()), android.resolve("adbkey.pub"));
    }

    static AdbKeyPair dadbPair(Path privateKey) {
        return AdbKeyPair.read(privateKey.toFile(), publicKey(privateKey).toFile());
    }

    /** What adb sends as AUTH SIGNATURE: RSA PKCS#1 v1.5 over SHA-1's DigestInfo prefix and the token. */
    static byte[] sign(Path privateKey, byte[] token) {
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Signature rsa = Signature.getInstance("NONEwithRSA");
            rsa.initSign(key);
            rsa.update(HexFormat.of().parseHex("3021300906052b0e03021a05000414"));
            rsa.update(token);
            return rsa.sign();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pair(String name) {
        Path key = DIR.resolve(name).resolve("adbkey");
        if (!Files.exists(publicKey(key))) {
            try {
                Files.createDirectories(key.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AdbKeyPair.generate(key.toFile(), publicKey(key).toFile());
        }
        return key;
    }
}
