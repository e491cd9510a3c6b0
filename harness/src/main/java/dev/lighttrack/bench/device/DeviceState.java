package dev.lighttrack.bench.device;

import java.util.Locale;

/** A device's state as its adb server reports it. Only {@link #DEVICE} can be queried or benchmarked. */
public enum DeviceState {
    DEVICE("device"),
    OFFLINE("offline"),
    UNAUTHORIZED("unauthorized"),
    AUTHORIZING("authorizing"),
    CONNECTING("connecting"),
    NO_PERMISSIONS("no permissions"),
    BOOTLOADER("bootloader"),
    RECOVERY("recovery"),
    RESCUE("rescue"),
    SIDELOAD("sideload"),
    HOST("host"),
    UNKNOWN("unknown");

    private final String adbName;

    DeviceState(String adbName) {
        this.adbName = adbName;
    }

    /** The word adb prints for this state. */
    public String adbName() {
        return adbName;
    }

    public boolean isOnline() {
        return this == DEVICE;
    }

    /** Reads adb's state word; "no permissions (...)" carries an explanation after the words. */
    public static DeviceState parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT).trim();
        for (DeviceState state : values()) {
            if (lower.equals(state.adbName) || (state == NO_PERMISSIONS && lower.startsWith(state.adbName))) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
