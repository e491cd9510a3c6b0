package dev.lighttrack.bench.agents.virtualdevice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Constants and encodings against the values in adb.h, file_sync_protocol.h and the reference. */
class WireFormatTest {

    @Test
    void commandConstantsAreTheirAsciiNames() {
        assertEquals(ascii("CNXN"), AdbMessage.CNXN);
        assertEquals(ascii("OPEN"), AdbMessage.OPEN);
        assertEquals(ascii("OKAY"), AdbMessage.OKAY);
        assertEquals(ascii("CLSE"), AdbMessage.CLSE);
        assertEquals(ascii("WRTE"), AdbMessage.WRTE);
        assertEquals(ascii("AUTH"), AdbMessage.AUTH);
        for (String id : new String[] {"STAT", "STA2", "LST2", "LIST", "LIS2", "SEND", "RECV", "QUIT", "DATA", "DONE",
                "OKAY", "FAIL"}) {
            assertEquals(id, SyncService.idName(ascii(id)));
        }
        assertEquals(ascii("STA2"), SyncService.STA2);
        assertEquals(ascii("DNT2"), ByteBuffer.wrap(FileStat.failed(0).encodeDentV2(new byte[0]))
                .order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    @Test
    void messageHeaderCarriesByteSumAndMagic() throws Exception {
        AdbMessage message = new AdbMessage(AdbMessage.WRTE, 1, 2, new byte[] {(byte) 0xff, 1, 2});
        byte[] encoded = AdbMessageCodec.encode(message);
        ByteBuffer header = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(AdbMessage.WRTE, header.getInt(0));
        assertEquals(3, header.getInt(12));
        assertEquals(0xff + 1 + 2, header.getInt(16));
        assertEquals(~AdbMessage.WRTE, header.getInt(20));
        AdbMessage decoded = AdbMessageCodec.read(new ByteArrayInputStream(encoded), 1 << 20);
        assertArrayEquals(message.payload(), decoded.payload());
        assertNull(AdbMessageCodec.read(new ByteArrayInputStream(new byte[0]), 1 << 20));
    }

    @Test
    void badMagicAndOversizedPayloadsAreProtocolErrors() {
        byte[] encoded = AdbMessageCodec.encode(AdbMessage.of(AdbMessage.OKAY, 1, 2));
        encoded[20] ^= 1;
        assertThrows(AdbProtocolException.class, () -> AdbMessageCodec.read(new ByteArrayInputStream(encoded), 4096));
        byte[] big = AdbMessageCodec.encode(new AdbMessage(AdbMessage.WRTE, 1, 2, new byte[5000]));
        assertThrows(AdbProtocolException.class, () -> AdbMessageCodec.read(new ByteArrayInputStream(big), 4096));
    }

    @Test
    void shellDestinationsParseLikeAdbd() {
        assertEquals(Optional.of(new ShellServiceRequest(true, Optional.of("xterm"), "echo a:b")),
                ShellServiceRequest.parse("shell,v2,TERM=xterm,raw:echo a:b"));
        assertEquals(Optional.of(new ShellServiceRequest(false, Optional.empty(), "ls")), ShellServiceRequest.parse("shell:ls"));
        assertTrue(ShellServiceRequest.parse("shell,v2,pty:").orElseThrow().interactive());
        assertEquals(Optional.empty(), ShellServiceRequest.parse("shellx:ls"));
    }

    @Test
    void statV2RecordsAreSeventyTwoBytesAndDentsSeventySix() {
        assertEquals(72, FileStat.failed(FileStat.ENOENT).encodeV2(SyncService.STA2).length);
        assertEquals(76 + 3, FileStat.failed(0).encodeDentV2("abc".getBytes(StandardCharsets.UTF_8)).length);
        assertEquals(20 + 3, FileStat.failed(0).encodeDentV1("abc".getBytes(StandardCharsets.UTF_8)).length);
    }

    private static int ascii(String id) {
        return ByteBuffer.wrap(id.getBytes(StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
