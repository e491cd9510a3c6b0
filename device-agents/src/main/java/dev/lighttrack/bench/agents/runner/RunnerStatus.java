package dev.lighttrack.bench.agents.runner;

/** The runner's {@code lt_status} codes, which are also the {@code ltrunner} exit codes. */
public enum RunnerStatus {
    OK(0, "ok"),
    USAGE(2, "usage"),
    MODEL(3, "model"),
    UNSUPPORTED(4, "unsupported"),
    BACKEND_UNAVAILABLE(5, "backend_unavailable"),
    RUNTIME(6, "runtime");

    private final int code;
    private final String protocolName;

    RunnerStatus(int code, String protocolName) {
        this.code = code;
        this.protocolName = protocolName;
    }

    public int code() {
        return code;
    }

    /** The {@code code} field of the protocol's error record. */
    public String protocolName() {
        return protocolName;
    }

    /** The status with this numeric code; an unknown code is reported as RUNTIME. */
    public static RunnerStatus of(int code) {
        for (RunnerStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return RUNTIME;
    }
}
