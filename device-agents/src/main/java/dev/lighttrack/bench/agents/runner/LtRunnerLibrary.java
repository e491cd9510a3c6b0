package dev.lighttrack.bench.agents.runner;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The runner's C ABI ({@code native/src/ltrunner.h}) as JNA sees it. {@code size_t} is mapped to
 * {@link NativeLong}, which has its width on the LP64 platforms the runner is built for. Use {@link NativeRunner}
 * rather than this interface.
 */
public interface LtRunnerLibrary extends Library {
    /** {@code lt_options}. */
    @Structure.FieldOrder({"backend", "threads", "cpus", "precision"})
    class LtOptions extends Structure {
        public String backend;
        public int threads;
        public String cpus;
        public int precision;
    }

    String lt_version();

    Pointer lt_open(String modelPath, LtOptions options, IntByReference statusOut, byte[] errBuf, NativeLong errLen);

    int lt_run(Pointer runner, int warmup, int iterations, double minSeconds, double delayMs, long[] samplesNs,
               int capacity, IntByReference countOut);

    int lt_op_count(Pointer runner);

    int lt_op_timing(Pointer runner, int index, PointerByReference node, PointerByReference opType, LongByReference meanNs);

    int lt_input_count(Pointer runner);

    int lt_output_count(Pointer runner);

    int lt_input_info(Pointer runner, int index, PointerByReference name, IntByReference rank, long[] dims);

    int lt_output_info(Pointer runner, int index, PointerByReference name, IntByReference rank, long[] dims);

    int lt_set_input(Pointer runner, int index, float[] data, NativeLong count);

    int lt_invoke(Pointer runner);

    int lt_get_output(Pointer runner, int index, float[] data, NativeLong count);

    String lt_engine(Pointer runner);

    String lt_model_sha256(Pointer runner);

    long lt_load_ns(Pointer runner);

    long lt_first_inference_ns(Pointer runner);

    long lt_last_run_wall_ns(Pointer runner);

    String lt_last_error(Pointer runner);

    void lt_close(Pointer runner);
}
