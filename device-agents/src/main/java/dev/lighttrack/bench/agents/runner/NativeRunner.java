package dev.lighttrack.bench.agents.runner;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One model opened in the runner, in this process: the same C timing loop the {@code ltrunner} agent runs on a
 * device. Not thread-safe; close it to free the native model.
 */
public final class NativeRunner implements AutoCloseable {
    /** Most samples one {@link #run} keeps when it runs for a minimum duration. */
    public static final int MAX_SAMPLES_WITH_MIN_SECONDS = 1_000_000;

    private final LtRunnerLibrary lib;
    private final List<TensorInfo> inputs;
    private final List<TensorInfo> outputs;
    private Pointer handle;

    private NativeRunner(LtRunnerLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
        this.inputs = tensors(false);
        this.outputs = tensors(true);
    }

    /** The runner library's version, e.g. "0.1.0". */
    public static String version() {
        return NativeLibraryLoader.library().lt_version();
    }

    /** Loads and compiles a model; throws {@link RunnerError} with the runner's status and message. */
    public static NativeRunner open(Path model, RunnerOptions options) {
        LtRunnerLibrary lib = NativeLibraryLoader.library();
        LtRunnerLibrary.LtOptions o = new LtRunnerLibrary.LtOptions();
        o.backend = options.backend();
        o.threads = options.threads();
        o.cpus = options.cpus();
        o.precision = options.precision() == RunnerOptions.Precision.FP16 ? 1 : 0;
        IntByReference status = new IntByReference();
        byte[] err = new byte[1024];
        Pointer h = lib.lt_open(model.toString(), o, status, err, new NativeLong(err.length));
        if (h == null) {
            throw new RunnerError(RunnerStatus.of(status.getValue()), cString(err));
        }
        return new NativeRunner(lib, h);
    }

    /**
     * Runs {@code warmup} untimed inferences, then timed ones until {@code iterations} ran and {@code minSeconds}
     * passed (at most {@link #MAX_SAMPLES_WITH_MIN_SECONDS} with a minimum duration), sleeping {@code delayMs}
     * between inferences. Returns every sample in ns.
     */
    public long[] run(int warmup, int iterations, double minSeconds, double delayMs) {
        int capacity = minSeconds > 0 ? Math.max(iterations, MAX_SAMPLES_WITH_MIN_SECONDS) : Math.max(iterations, 1);
        long[] samples = new long[capacity];
        IntByReference count = new IntByReference();
        check(lib.lt_run(live(), warmup, iterations, minSeconds, delayMs, samples, capacity, count));
        return Arrays.copyOf(samples, count.getValue());
    }

    /** Per-op mean times of the last run; empty when the backend cannot time ops (cpu). */
    public List<OpTiming> opTimings() {
        int n = lib.lt_op_count(live());
        List<OpTiming> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PointerByReference node = new PointerByReference();
            PointerByReference op = new PointerByReference();
            LongByReference mean = new LongByReference();
            check(lib.lt_op_timing(handle, i, node, op, mean));
            list.add(new OpTiming(node.getValue().getString(0, "UTF-8"), op.getValue().getString(0, "UTF-8"), mean.getValue()));
        }
        return List.copyOf(list);
    }

    public List<TensorInfo> inputs() {
        return inputs;
    }

    public List<TensorInfo> outputs() {
        return outputs;
    }

    /** Sets input {@code index} from NCHW float data. */
    public void setInput(int index, float[] data) {
        check(lib.lt_set_input(live(), index, data, new NativeLong(data.length)));
    }

    /** One untimed inference with the current inputs. */
    public void invoke() {
        check(lib.lt_invoke(live()));
    }

    /** Output {@code index} of the last inference, NCHW. */
    public float[] output(int index) {
        if (index < 0 || index >= outputs.size()) {
            throw new RunnerError(RunnerStatus.USAGE, "output index " + index + " out of range (model has "
                    + outputs.size() + ")");
        }
        float[] data = new float[outputs.get(index).elements()];
        check(lib.lt_get_output(live(), index, data, new NativeLong(data.length)));
        return data;
    }

    /** The engine, e.g. "xnnpack 0.0~git20220216...". */
    public String engine() {
        return lib.lt_engine(live());
    }

    public String modelSha256() {
        return lib.lt_model_sha256(live());
    }

    /** Nanoseconds the open took (load and compile). */
    public long loadNs() {
        return lib.lt_load_ns(live());
    }

    /** The first inference of the last run (first warmup one, or the first sample without warmup). */
    public long firstInferenceNs() {
        return lib.lt_first_inference_ns(live());
    }

    /** Wall time of the last run's timed loop. */
    public long lastRunWallNs() {
        return lib.lt_last_run_wall_ns(live());
    }

    @Override
    public void close() {
        if (handle != null) {
            lib.lt_close(handle);
            handle = null;
        }
    }

    private List<TensorInfo> tensors(boolean out) {
        int n = out ? lib.lt_output_count(handle) : lib.lt_input_count(handle);
        List<TensorInfo> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PointerByReference name = new PointerByReference();
            IntByReference rank = new IntByReference();
            long[] dims = new long[6];
            check(out ? lib.lt_output_info(handle, i, name, rank, dims) : lib.lt_input_info(handle, i, name, rank, dims));
            list.add(new TensorInfo(name.getValue().getString(0, "UTF-8"), Arrays.copyOf(dims, rank.getValue())));
        }
        return List.copyOf(list);
    }

    private Pointer live() {
        if (handle == null) {
            throw new IllegalStateException("the runner is closed");
        }
        return handle;
    }

    private void check(int status) {
        if (status != 0) {
            throw new RunnerError(RunnerStatus.of(status), lib.lt_last_error(handle));
        }
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
