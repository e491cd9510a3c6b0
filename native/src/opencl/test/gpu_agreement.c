/* Runs each model given on the command line through the runner's C ABI on the cpu and the gpu backend with the
 * same random inputs and checks every output agrees within 1e-3 of its largest magnitude (fp32); then checks the
 * gpu's per-op device times are positive and sum to no more than the samples. Exercises the real ONNX loader's
 * lowering (unfused BatchNormalization, MatMul correlation, Sigmoid+Mul swish, Gemm, ...) on the gpu. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltrunner.h"

static int failures = 0;

static lt_runner *open_or_report(const char *path, const char *backend) {
    lt_options options = {backend, 1, NULL, LT_PRECISION_FP32};
    int status = 0;
    char message[1024] = "";
    lt_runner *r = lt_open(path, &options, &status, message, sizeof message);
    if (!r) {
        fprintf(stderr, "FAIL %s on %s: open failed (%d): %s\n", path, backend, status, message);
        failures++;
    }
    return r;
}

static size_t elements(int rank, const int64_t *dims) {
    size_t n = 1;
    for (int i = 0; i < rank; i++) n *= (size_t)dims[i];
    return n;
}

static void check_model(const char *path) {
    lt_runner *cpu = open_or_report(path, "cpu");
    lt_runner *gpu = open_or_report(path, "gpu");
    if (!cpu || !gpu) {
        if (cpu) lt_close(cpu);
        if (gpu) lt_close(gpu);
        return;
    }
    unsigned seed = 12345;
    for (int i = 0; i < lt_input_count(cpu); i++) {
        const char *name;
        int rank;
        int64_t dims[6];
        lt_input_info(cpu, i, &name, &rank, dims);
        size_t n = elements(rank, dims);
        float *data = malloc(n * sizeof *data);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            data[k] = (float)((seed >> 8) & 0xffff) / 32768.0f - 1.0f;
        }
        if (lt_set_input(cpu, i, data, n) || lt_set_input(gpu, i, data, n)) {
            fprintf(stderr, "FAIL %s: set_input %d: %s / %s\n", path, i, lt_last_error(cpu), lt_last_error(gpu));
            failures++;
        }
        free(data);
    }
    if (lt_invoke(cpu) || lt_invoke(gpu)) {
        fprintf(stderr, "FAIL %s: invoke: %s / %s\n", path, lt_last_error(cpu), lt_last_error(gpu));
        failures++;
    }
    for (int i = 0; i < lt_output_count(cpu); i++) {
        const char *name;
        int rank;
        int64_t dims[6];
        lt_output_info(cpu, i, &name, &rank, dims);
        size_t n = elements(rank, dims);
        float *want = malloc(n * sizeof *want), *got = malloc(n * sizeof *got);
        lt_get_output(cpu, i, want, n);
        lt_get_output(gpu, i, got, n);
        double diff = 0, scale = 1e-6;
        for (size_t k = 0; k < n; k++) {
            double d = fabs((double)got[k] - want[k]);
            if (!(d <= diff)) diff = d;
            if (fabs(want[k]) > scale) scale = fabs(want[k]);
        }
        if (!(diff / scale <= 1e-3)) {
            fprintf(stderr, "FAIL %s: output %s differs from cpu by %.3g relative\n", path, name, diff / scale);
            failures++;
        }
        free(want);
        free(got);
    }
    int64_t samples[5];
    int count = 0;
    if (lt_run(gpu, 1, 5, 0.0, 0.0, samples, 5, &count) || count != 5) {
        fprintf(stderr, "FAIL %s: gpu run: %s\n", path, lt_last_error(gpu));
        failures++;
    } else {
        int64_t mean = 0, ops = 0;
        for (int k = 0; k < count; k++) mean += samples[k] / count;
        for (int k = 0; k < lt_op_count(gpu); k++) {
            const char *node, *op_type;
            int64_t ns = 0;
            lt_op_timing(gpu, k, &node, &op_type, &ns);
            if (ns <= 0) {
                fprintf(stderr, "FAIL %s: op %s (%s) has device time %lld\n", path, node, op_type, (long long)ns);
                failures++;
            }
            ops += ns;
        }
        if (lt_op_count(gpu) <= 0 || ops > mean) {
            fprintf(stderr, "FAIL %s: %d ops, device time %lld ns > mean sample %lld ns\n", path, lt_op_count(gpu),
                    (long long)ops, (long long)mean);
            failures++;
        }
    }
    lt_close(cpu);
    lt_close(gpu);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) check_model(argv[i]);
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
