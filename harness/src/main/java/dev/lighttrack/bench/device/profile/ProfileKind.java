package dev.lighttrack.bench.device.profile;

/** An Android device reached over adb, or this host (the runner in-process, only by {@code --device host}). */
public enum ProfileKind {
    ANDROID,
    HOST
}
