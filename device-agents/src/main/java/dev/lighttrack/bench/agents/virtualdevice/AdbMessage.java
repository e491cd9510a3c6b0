package dev.lighttrack.bench.agents.virtualdevice;

import java.nio.charset.StandardCharsets;

/**
 * One ADB transport message: the 24-byte header's meaningful fields plus the payload.
 *
 * <p>The payload array is not copied (messages carry up to 1 MiB and are passed straight to the
 * socket); callers must not modify it after construction.
 */
record AdbMessage(int command, int arg0, int arg1, byte[] payload) {

    static final int CNXN = 0x4e584e43;
    static final int AUTH = 0x48545541;
    static final int OPEN = 0x4e45504f;
    static final int OKAY = 0x59414b4f;
    static final int CLSE = 0x45534c43;
    static final int WRTE = 0x45545257;

    private static final byte[] EMPTY = new byte[0];

    AdbMessage {
        payload = payload == null ? EMPTY : payload;
    }

    static AdbMessage of(int command, int arg0, int arg1) {
        return new AdbMessage(command, arg0, arg1, EMPTY);
    }

    static AdbMessage of(int command, int arg0, int arg1, String payload) {
        return new AdbMessage(command, arg0, arg1, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as text, without the trailing NULs that OPEN and CNXN payloads carry. */
    String payloadText() {
        int end = payload.length;
        while (end > 0 && payload[end - 1] == 0) {
            end--;
        }
        return new String(payload, 0, end, StandardCharsets.UTF_8);
    }

    static String commandName(int command) {
        return switch (command) {
            case CNXN -> "CNXN";
            case AUTH -> "AUTH";
            case OPEN -> "OPEN";
            case OKAY -> "OKAY";
            case CLSE -> "CLSE";
            case WRTE -> "WRTE";
            default -> String.format("0x%08x", command);
        };
    }

    @Override
    public String toString() {
        String detail = command == OPEN || command == CNXN
                ? " \"" + payloadText() + "\""
                : " " + payload.length + " bytes";
        return String.format("%s(0x%x, 0x%x,%s)", commandName(command), arg0, arg1, detail);
    }
}
