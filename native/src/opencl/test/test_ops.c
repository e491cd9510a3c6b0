/* Op tests of the gpu backend: hand-built lt_models covering every kernel (stem conv, preds conv, grouped and
 * dilated conv, depthwise k3/5/7 s1/s2, tiled pointwise with ragged tails, SE, Add/Mul with broadcast, MatMul with
 * a constant operand, Reshape views, Transpose, fused and standalone activations) checked against the plain C
 * reference; per-op device times; the unsupported-op, fp16 and no-platform errors.
 * All cases share one model so the (slow under PoCL) kernel build happens once. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "opencl/fp16.h"
#include "model_builder.h"
#include "reference.h"

static int failures = 0;

#define CHECK(cond, ...)                                  \
    do {                                                  \
        if (!(cond)) {                                    \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                 \
            fprintf(stderr, "\n");                        \
            failures++;                                   \
        }                                                 \
    } while (0)

static int64_t d4[4];
static const int64_t *dims4(int64_t a, int64_t b, int64_t c, int64_t d) {
    d4[0] = a; d4[1] = b; d4[2] = c; d4[3] = d;
    return d4;
}

static int act_node(lt_model *m, const char *name, const char *op, lt_op_kind kind, int x) {
    char out[128];
    snprintf(out, sizeof out, "%.100s.out", name);
    const lt_tensor *t = &m->tensors[x];
    int y = mb_tensor(m, out, t->rank, t->dims);
    int node = mb_node(m, name, op, kind, x, -1, -1, y);
    if (kind == LT_OP_CLIP) {
        m->nodes[node].p.clip.min = 0.0f;
        m->nodes[node].p.clip.max = 6.0f;
    } else if (kind == LT_OP_HARD_SIGMOID) {
        m->nodes[node].p.hard_sigmoid.alpha = 1.0f / 6.0f;
        m->nodes[node].p.hard_sigmoid.beta = 0.5f;
    }
    return y;
}

static int binary_node(lt_model *m, const char *name, lt_op_kind kind, int a, int b, int out_like) {
    char out[128];
    snprintf(out, sizeof out, "%.100s.out", name);
    const lt_tensor *t = &m->tensors[out_like];
    int y = mb_tensor(m, out, t->rank, t->dims);
    mb_node(m, name, kind == LT_OP_MUL ? "Mul" : "Add", kind, a, b, -1, y);
    return y;
}

/* x*sigmoid(x) as torch exports it: Sigmoid + Mul. */
static int swish(lt_model *m, const char *name, int x) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s.sigmoid", name);
    int s = act_node(m, buf, "Sigmoid", LT_OP_SIGMOID, x);
    snprintf(buf, sizeof buf, "%s.mul", name);
    return binary_node(m, buf, LT_OP_MUL, x, s, x);
}

static lt_model *build_ops_model(void) {
    mb_rng rng = {42};
    lt_model *m = mb_new();
    int img = mb_input(m, "img", 4, dims4(1, 3, 33, 33));
    int feat = mb_input(m, "feat", 4, dims4(1, 16, 12, 12));
    int odd = mb_input(m, "odd", 4, dims4(1, 13, 7, 7));
    int z = mb_input(m, "z", 4, dims4(1, 24, 10, 10));

    mb_output(m, swish(m, "stem_act", mb_conv(m, "stem", img, 16, 3, 2, 1, 1, 1, &rng)));
    int dw3 = act_node(m, "dw3_relu6", "Clip", LT_OP_CLIP, mb_conv(m, "dw3", feat, 16, 3, 1, 1, 1, 16, &rng));
    mb_output(m, dw3);
    mb_output(m, act_node(m, "dw5_relu", "Relu", LT_OP_RELU, mb_conv(m, "dw5", feat, 16, 5, 2, 2, 1, 16, &rng)));
    mb_output(m, mb_conv(m, "dw7s1", feat, 16, 7, 1, 3, 1, 16, &rng));
    mb_output(m, act_node(m, "dw7s2_hswish", "HardSwish", LT_OP_HARD_SWISH,
                          mb_conv(m, "dw7s2", feat, 16, 7, 2, 3, 1, 16, &rng)));
    mb_output(m, act_node(m, "pw_hswish", "HardSwish", LT_OP_HARD_SWISH,
                          mb_conv(m, "pw", feat, 10, 1, 1, 0, 1, 1, &rng)));
    mb_output(m, act_node(m, "pw_odd_relu6", "Clip", LT_OP_CLIP, mb_conv(m, "pw_odd", odd, 10, 1, 1, 0, 1, 1, &rng)));
    mb_output(m, act_node(m, "preds_relu", "Relu", LT_OP_RELU, mb_conv(m, "preds", feat, 8, 3, 1, 1, 1, 1, &rng)));
    mb_output(m, mb_conv(m, "grouped_dilated", feat, 8, 3, 1, 2, 2, 2, &rng));

    /* SE: pool -> 1x1 (relu) -> 1x1 -> hard_sigmoid -> channel scale */
    int pooled = mb_tensor(m, "se.pool.out", 4, dims4(1, 16, 1, 1));
    mb_node(m, "se.pool", "GlobalAveragePool", LT_OP_GLOBAL_AVG_POOL, feat, -1, -1, pooled);
    int reduced = act_node(m, "se.relu", "Relu", LT_OP_RELU, mb_conv(m, "se.reduce", pooled, 8, 1, 1, 0, 1, 1, &rng));
    int gate = act_node(m, "se.gate", "HardSigmoid", LT_OP_HARD_SIGMOID,
                        mb_conv(m, "se.expand", reduced, 16, 1, 1, 0, 1, 1, &rng));
    mb_output(m, binary_node(m, "se.scale", LT_OP_MUL, feat, gate, feat));

    /* residual Add with a fused relu; broadcast Add of a per-channel constant; Mul by a rank-3 constant */
    mb_output(m, act_node(m, "residual_relu", "Relu", LT_OP_RELU, binary_node(m, "residual", LT_OP_ADD, feat, dw3, feat)));
    int shift = mb_const(m, "shift", 4, dims4(1, 16, 1, 1), &rng, 1.0f);
    mb_output(m, act_node(m, "shifted_sigmoid", "Sigmoid", LT_OP_SIGMOID,
                          binary_node(m, "shifted", LT_OP_ADD, shift, feat, feat)));
    int scale = mb_const(m, "scale", 3, dims4(16, 1, 12, 0), &rng, 1.0f);
    mb_output(m, binary_node(m, "scaled", LT_OP_MUL, feat, scale, feat));
    mb_output(m, act_node(m, "standalone_sigmoid", "Sigmoid", LT_OP_SIGMOID, feat));
    mb_output(m, act_node(m, "standalone_hsigmoid", "HardSigmoid", LT_OP_HARD_SIGMOID, odd));

    /* torch-style correlation: constant template [1,36,24] x search features viewed as [1,24,100] */
    int z_flat = mb_tensor(m, "z.flat", 3, dims4(1, 24, 100, 0));
    mb_node(m, "z.reshape", "Reshape", LT_OP_RESHAPE, z, -1, -1, z_flat);
    int templ = mb_const(m, "template", 3, dims4(1, 36, 24, 0), &rng, 0.5f);
    int corr = mb_tensor(m, "corr.out", 3, dims4(1, 36, 100, 0));
    mb_node(m, "corr", "MatMul", LT_OP_MATMUL, templ, z_flat, -1, corr);
    int corr_map = mb_tensor(m, "corr.map", 4, dims4(1, 36, 10, 10));
    mb_node(m, "corr.reshape", "Reshape", LT_OP_RESHAPE, corr, -1, -1, corr_map);
    mb_output(m, mb_conv(m, "corr.head", corr_map, 6, 1, 1, 0, 1, 1, &rng));
    /* Gemm lowered: flatten(pool) [1,16] x const [16,5] + bias [5], relu fused */
    int flat = mb_tensor(m, "pool.flat", 2, dims4(1, 16, 0, 0));
    mb_node(m, "pool.flatten", "Flatten", LT_OP_RESHAPE, pooled, -1, -1, flat);
    int fc_w = mb_const(m, "fc.weight", 2, dims4(16, 5, 0, 0), &rng, 0.5f);
    int fc_b = mb_const(m, "fc.bias", 1, dims4(5, 0, 0, 0), &rng, 0.5f);
    int fc = mb_tensor(m, "fc.out", 2, dims4(1, 5, 0, 0));
    mb_node(m, "fc", "Gemm", LT_OP_MATMUL, flat, fc_w, fc_b, fc);
    mb_output(m, act_node(m, "fc_relu", "Relu", LT_OP_RELU, fc));

    int zt = mb_tensor(m, "z.nhwc", 4, dims4(1, 10, 10, 24));
    int tr = mb_node(m, "z.transpose", "Transpose", LT_OP_TRANSPOSE, z, -1, -1, zt);
    int perm[4] = {0, 2, 3, 1};
    memcpy(m->nodes[tr].p.transpose.perm, perm, sizeof perm);
    mb_output(m, zt);
    return m;
}

static float **random_inputs(const lt_model *m, uint64_t seed) {
    mb_rng rng = {seed};
    float **in = calloc((size_t)m->n_inputs, sizeof *in);
    for (int i = 0; i < m->n_inputs; i++) {
        int64_t n = lt_tensor_elements(&m->tensors[m->inputs[i]]);
        in[i] = malloc((size_t)n * sizeof(float));
        for (int64_t k = 0; k < n; k++) in[i][k] = 2.0f * mb_uniform(&rng);
    }
    return in;
}

/* Max abs difference relative to the output's largest magnitude (so values near 0 do not dominate). */
static double relative_error(const float *got, const float *want, int64_t n) {
    double diff = 0, scale = 1e-6;
    for (int64_t i = 0; i < n; i++) {
        double d = fabs((double)got[i] - want[i]);
        if (!(d <= diff)) diff = d; /* NaN propagates */
        if (fabs(want[i]) > scale) scale = fabs(want[i]);
    }
    return diff / scale;
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int has_op(const lt_backend_op_time *times, int n, const char *node) {
    for (int i = 0; i < n; i++) {
        if (strcmp(times[i].node, node) == 0) return 1;
    }
    return 0;
}

static void check_outputs(const lt_model *m, void *state, float **values, double tolerance, const char *label) {
    lt_error err = {0};
    for (int i = 0; i < m->n_outputs; i++) {
        const lt_tensor *t = &m->tensors[m->outputs[i]];
        int64_t n = lt_tensor_elements(t);
        float *got = malloc((size_t)n * sizeof *got);
        CHECK(lt_backend_opencl.get_output(state, i, got, (size_t)n, &err) == LT_OK, "get_output: %s", err.message);
        double e = relative_error(got, values[m->outputs[i]], n);
        CHECK(e <= tolerance, "%s output %s: relative error %.3g > %.3g", label, t->name, e, tolerance);
        free(got);
    }
}

static void test_ops(void) {
    lt_model *m = build_ops_model();
    float **inputs = random_inputs(m, 7);
    float **want = ref_run(m, inputs);
    lt_backend_options options = {1, LT_PRECISION_FP32};
    lt_error err = {0};
    uint64_t t0 = now_ns();
    void *st = lt_backend_opencl.open(m, &options, &err);
    CHECK(st != NULL, "open: %s", err.message);
    if (!st) return;
    printf("engine: %s (open %.2f s)\n", lt_backend_opencl.engine(st), (double)(now_ns() - t0) / 1e9);
    for (int i = 0; i < m->n_inputs; i++) {
        size_t n = (size_t)lt_tensor_elements(&m->tensors[m->inputs[i]]);
        CHECK(lt_backend_opencl.set_input(st, i, inputs[i], n, &err) == LT_OK, "set_input: %s", err.message);
    }
    CHECK(lt_backend_opencl.invoke(st, &err) == LT_OK, "invoke: %s", err.message);
    check_outputs(m, st, want, 1e-3, "fp32");

    /* per-op device times: positive, one count per inference, sum within the inference wall time */
    lt_backend_opencl.reset_op_times(st);
    const int runs = 3;
    uint64_t wall = 0;
    for (int r = 0; r < runs; r++) {
        uint64_t start = now_ns();
        CHECK(lt_backend_opencl.invoke(st, &err) == LT_OK, "invoke: %s", err.message);
        wall += now_ns() - start;
        CHECK(lt_backend_opencl.collect_op_times(st, &err) == LT_OK, "collect_op_times: %s", err.message);
    }
    /* an invoke whose times nobody collects (lt_invoke) adds nothing: the next invoke drops them */
    CHECK(lt_backend_opencl.invoke(st, &err) == LT_OK, "invoke: %s", err.message);
    CHECK(lt_backend_opencl.invoke(st, &err) == LT_OK, "invoke: %s", err.message);
    lt_backend_op_time times[256];
    int n = lt_backend_opencl.op_times(st, times, 256);
    CHECK(n > 0 && n <= 256, "op_times returned %d", n);
    uint64_t sum = 0;
    for (int i = 0; i < n && i < 256; i++) {
        CHECK(times[i].total_ns > 0, "op %s has no device time", times[i].node);
        CHECK(times[i].count == (uint64_t)runs, "op %s counted %llu inferences, want %d", times[i].node,
              (unsigned long long)times[i].count, runs);
        sum += times[i].total_ns;
    }
    CHECK(sum <= wall, "per-op device time %llu ns exceeds inference wall time %llu ns", (unsigned long long)sum,
          (unsigned long long)wall);
    /* fused activations attribute to their producer and have no record of their own */
    CHECK(has_op(times, n, "stem") && !has_op(times, n, "stem_act.sigmoid") && !has_op(times, n, "stem_act.mul"),
          "swish not fused into the stem conv");
    CHECK(has_op(times, n, "pw") && !has_op(times, n, "pw_hswish"), "hardswish not fused into pw");
    CHECK(has_op(times, n, "standalone_sigmoid"), "standalone activation has no record");
    CHECK(!has_op(times, n, "z.reshape"), "reshape should be a view, not a kernel");
    printf("ops timed: %d, device time %.1f us of %.1f us per inference\n", n, (double)sum / runs / 1e3,
           (double)wall / runs / 1e3);
    lt_backend_opencl.close(st);

    /* fp16: runs within a documented tolerance where the device has cl_khr_fp16, else a clear error */
    lt_backend_options half = {1, LT_PRECISION_FP16};
    lt_error herr = {0};
    void *hst = lt_backend_opencl.open(m, &half, &herr);
    if (hst) {
        for (int i = 0; i < m->n_inputs; i++) {
            size_t count = (size_t)lt_tensor_elements(&m->tensors[m->inputs[i]]);
            lt_backend_opencl.set_input(hst, i, inputs[i], count, &herr);
        }
        CHECK(lt_backend_opencl.invoke(hst, &herr) == LT_OK, "fp16 invoke: %s", herr.message);
        check_outputs(m, hst, want, 2e-2, "fp16");
        lt_backend_opencl.close(hst);
        printf("fp16: checked within 2e-2\n");
    } else {
        CHECK(herr.code == LT_ERR_BACKEND_UNAVAILABLE && strstr(herr.message, "cl_khr_fp16"),
              "fp16 without cl_khr_fp16 should be unavailable naming it: %d %s", herr.code, herr.message);
        printf("fp16: %s\n", herr.message);
    }

    ref_free(m, want);
    for (int i = 0; i < m->n_inputs; i++) free(inputs[i]);
    free(inputs);
    lt_model_free(m);
}

/* SE as the exporter writes it: pool -> 1x1 (relu) -> 1x1 -> hard_sigmoid -> channel scale. */
static int se_block(lt_model *m, const char *name, int x, int mid, mb_rng *rng) {
    char buf[128];
    const lt_tensor *t = &m->tensors[x];
    int64_t c = t->dims[1];
    snprintf(buf, sizeof buf, "%s.pool.out", name);
    int pooled = mb_tensor(m, buf, 4, dims4(1, c, 1, 1));
    snprintf(buf, sizeof buf, "%s.pool", name);
    mb_node(m, buf, "GlobalAveragePool", LT_OP_GLOBAL_AVG_POOL, x, -1, -1, pooled);
    snprintf(buf, sizeof buf, "%s.reduce", name);
    int reduced = mb_conv(m, buf, pooled, mid, 1, 1, 0, 1, 1, rng);
    snprintf(buf, sizeof buf, "%s.relu", name);
    reduced = act_node(m, buf, "Relu", LT_OP_RELU, reduced);
    snprintf(buf, sizeof buf, "%s.expand", name);
    int gate = mb_conv(m, buf, reduced, (int)c, 1, 1, 0, 1, 1, rng);
    snprintf(buf, sizeof buf, "%s.gate", name);
    gate = act_node(m, buf, "HardSigmoid", LT_OP_HARD_SIGMOID, gate);
    snprintf(buf, sizeof buf, "%s.scale", name);
    return binary_node(m, buf, LT_OP_MUL, x, gate, x);
}

/* A LightTrack-shaped random subnet: stem, DS block, MBConv blocks (k3/5/7, e4/e6, SE, swish, residual),
 * then cls/reg towers sharing the features. */
static lt_model *build_block_chain(uint64_t seed) {
    mb_rng rng = {seed};
    lt_model *m = mb_new();
    char buf[128];
    int x = mb_input(m, "search", 4, dims4(1, 3, 64, 64));
    x = swish(m, "stem_act", mb_conv(m, "stem", x, 16, 3, 2, 1, 1, 1, &rng));
    x = swish(m, "ds_act", mb_conv(m, "ds.dw", x, 16, 3, 1, 1, 1, 16, &rng));
    x = mb_conv(m, "ds.pw", se_block(m, "ds.se", x, 8, &rng), 16, 1, 1, 0, 1, 1, &rng);
    static const int widths[] = {24, 24, 40, 40, 80};
    static const int strides[] = {2, 1, 2, 1, 2};
    for (int b = 0; b < 5; b++) {
        int kernel = 3 + 2 * (int)((mb_uniform(&rng) + 1.0f) * 1.5f);
        int expand = mb_uniform(&rng) < 0 ? 4 : 6;
        int in_c = (int)m->tensors[x].dims[1], mid = in_c * expand;
        snprintf(buf, sizeof buf, "b%d.expand", b);
        int y = mb_conv(m, buf, x, mid, 1, 1, 0, 1, 1, &rng);
        snprintf(buf, sizeof buf, "b%d.expand_act", b);
        y = swish(m, buf, y);
        snprintf(buf, sizeof buf, "b%d.dw", b);
        y = mb_conv(m, buf, y, mid, kernel, strides[b], kernel / 2, 1, mid, &rng);
        snprintf(buf, sizeof buf, "b%d.dw_act", b);
        y = swish(m, buf, y);
        snprintf(buf, sizeof buf, "b%d.se", b);
        y = se_block(m, buf, y, (mid / 4 + 7) / 8 * 8, &rng);
        snprintf(buf, sizeof buf, "b%d.project", b);
        y = mb_conv(m, buf, y, widths[b], 1, 1, 0, 1, 1, &rng);
        if (strides[b] == 1 && in_c == widths[b]) {
            snprintf(buf, sizeof buf, "b%d.residual", b);
            y = binary_node(m, buf, LT_OP_ADD, x, y, y);
        }
        x = y;
    }
    int cls = act_node(m, "cls.tower_relu", "Relu", LT_OP_RELU, mb_conv(m, "cls.tower", x, 32, 3, 1, 1, 1, 1, &rng));
    mb_output(m, mb_conv(m, "cls.pred", cls, 1, 3, 1, 1, 1, 1, &rng));
    int reg = act_node(m, "reg.tower_relu", "Relu", LT_OP_RELU, mb_conv(m, "reg.tower", x, 32, 3, 1, 1, 1, 1, &rng));
    mb_output(m, mb_conv(m, "reg.pred", reg, 4, 3, 1, 1, 1, 1, &rng));
    return m;
}

static void test_block_chains(void) {
    for (uint64_t seed = 1; seed <= 2; seed++) {
        lt_model *m = build_block_chain(seed);
        float **inputs = random_inputs(m, seed + 100);
        float **want = ref_run(m, inputs);
        lt_backend_options options = {1, LT_PRECISION_FP32};
        lt_error err = {0};
        void *st = lt_backend_opencl.open(m, &options, &err);
        CHECK(st != NULL, "open chain %llu: %s", (unsigned long long)seed, err.message);
        if (st) {
            size_t n = (size_t)lt_tensor_elements(&m->tensors[m->inputs[0]]);
            CHECK(lt_backend_opencl.set_input(st, 0, inputs[0], n, &err) == LT_OK, "set_input: %s", err.message);
            CHECK(lt_backend_opencl.invoke(st, &err) == LT_OK, "invoke: %s", err.message);
            char label[32];
            snprintf(label, sizeof label, "chain %llu", (unsigned long long)seed);
            check_outputs(m, st, want, 1e-3, label);
            lt_backend_opencl.close(st);
        }
        ref_free(m, want);
        free(inputs[0]);
        free(inputs);
        lt_model_free(m);
    }
}

/* Host half conversion (fp16 inputs, constants and outputs): exact values, round to nearest even, subnormals,
 * overflow, infinities and NaN. */
static void test_fp16_conversion(void) {
    static const struct { float value; uint16_t bits; } exact[] = {
        {0.0f, 0x0000}, {-0.0f, 0x8000}, {1.0f, 0x3c00}, {-2.0f, 0xc000}, {65504.0f, 0x7bff},
        {0.5f, 0x3800}, {5.9604645e-8f, 0x0001}, {6.1035156e-5f, 0x0400}, {0.333251953125f, 0x3555},
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
        CHECK(lt_fp16_from_float(exact[i].value) == exact[i].bits, "fp16(%g) = %04x, want %04x", exact[i].value,
              lt_fp16_from_float(exact[i].value), exact[i].bits);
        CHECK(lt_fp16_to_float(exact[i].bits) == exact[i].value, "float(%04x) = %g, want %g", exact[i].bits,
              lt_fp16_to_float(exact[i].bits), exact[i].value);
    }
    /* 1 + 2^-11 is halfway between 1 and the next half (1 + 2^-10): ties to even (1); just above rounds up */
    CHECK(lt_fp16_from_float(1.0f + 0x1p-11f) == 0x3c00, "tie to even");
    CHECK(lt_fp16_from_float(1.0f + 0x1p-11f + 0x1p-20f) == 0x3c01, "above the tie rounds up");
    CHECK(lt_fp16_from_float(1.0f + 3 * 0x1p-11f) == 0x3c02, "tie to even (up)");
    CHECK(lt_fp16_from_float(65520.0f) == 0x7c00, "overflow to infinity");
    CHECK(lt_fp16_from_float(1e-9f) == 0x0000, "underflow to zero");
    CHECK(lt_fp16_from_float(INFINITY) == 0x7c00 && lt_fp16_from_float(-INFINITY) == 0xfc00, "infinities");
    CHECK(isnan(lt_fp16_to_float(lt_fp16_from_float(NAN))), "NaN stays NaN");
    for (int bits = 0; bits < 0x7c00; bits++) {
        if (lt_fp16_from_float(lt_fp16_to_float((uint16_t)bits)) != bits) {
            CHECK(0, "round trip of %04x", bits);
            break;
        }
    }
}

static lt_model *build_unsupported_model(void) {
    lt_model *m = mb_new();
    int64_t a_dims[5] = {1, 2, 3, 4, 5}, b_dims[5] = {1, 2, 1, 4, 1};
    int a = mb_input(m, "a", 5, a_dims);
    int b = mb_input(m, "b", 5, b_dims);
    int y = mb_tensor(m, "y", 5, a_dims);
    mb_node(m, "rank5_add", "Add", LT_OP_ADD, a, b, -1, y);
    mb_output(m, y);
    return m;
}

static void test_unsupported(void) {
    lt_model *m = build_unsupported_model();
    lt_backend_options options = {1, LT_PRECISION_FP32};
    lt_error err = {0};
    void *st = lt_backend_opencl.open(m, &options, &err);
    CHECK(st == NULL && err.code == LT_ERR_UNSUPPORTED && strstr(err.message, "rank5_add") &&
              strstr(err.message, "Add"),
          "unsupported op should be named: %d %s", err.code, err.message);
    if (st) lt_backend_opencl.close(st);
    lt_model_free(m);
}

static int expect_unavailable(void) {
    lt_model *m = build_unsupported_model();
    lt_backend_options options = {1, LT_PRECISION_FP32};
    lt_error err = {0};
    void *st = lt_backend_opencl.open(m, &options, &err);
    CHECK(st == NULL && err.code == LT_ERR_BACKEND_UNAVAILABLE &&
              strncmp(err.message, "gpu backend unavailable: ", 25) == 0,
          "want 'gpu backend unavailable', got %d %s", err.code, err.message);
    printf("%s\n", err.message);
    if (st) lt_backend_opencl.close(st);
    lt_model_free(m);
    return failures ? 1 : 0;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--expect-unavailable") == 0) return expect_unavailable();
    test_fp16_conversion();
    test_unsupported();
    test_ops();
    test_block_chains();
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
