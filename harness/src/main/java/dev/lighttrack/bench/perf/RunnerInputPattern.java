package dev.lighttrack.bench.perf;

/**
 * The input data the runner fills every model input with at open (native/src/ltrunner.c, fill_inputs): a fixed
 * linear congruential sequence mapped to [-1, 1], continued across inputs. ONNX Runtime gets the same values so
 * both engines compute on identical data.
 */
final class RunnerInputPattern {
    private int seed = 0x2545F491;

    float[] next(int elements) {
        float[] data = new float[elements];
        for (int k = 0; k < elements; k++) {
            seed = seed * 1664525 + 1013904223;
            data[k] = (float) ((seed >>> 8) * (2.0 / 16777216.0) - 1.0);
        }
        return data;
    }
}
