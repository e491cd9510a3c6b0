package dev.lighttrack.bench.device.profile;

import dev.lighttrack.bench.errors.BenchException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the runner executes a model, and the engine the runner uses for it. */
public enum Backend {
    CPU("cpu", "xnnpack"),
    GPU("gpu", "opencl"),
    DSP("dsp", "nnapi");

    private final String id;
    private final String engine;

    Backend(String id, String engine) {
        this.id = id;
        this.engine = engine;
    }

    /** The name used on the command line and in profiles: cpu, gpu, dsp. */
    public String id() {
        return id;
    }

    /** The runner engine behind this backend: xnnpack, opencl, nnapi. */
    public String engine() {
        return engine;
    }

    public static Backend parse(String text) {
        for (Backend backend : values()) {
            if (backend.id.equals(text.toLowerCase(Locale.ROOT))) {
                return backend;
            }
        }
        throw BenchException.badInput("unknown backend '" + text + "' (known: " + names() + ")");
    }

    static String names() {
        return Arrays.stream(values()).map(Backend::id).collect(Collectors.joining(", "));
    }
}
