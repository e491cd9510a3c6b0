/* Unit tests of the runner's pure parts and of the C ABI on small generated models. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpulist.h"
#include "json.h"
#include "layout.h"
#include "ltrunner.h"
#include "sha256.h"

static int failures;
#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                       \
        }                                                                     \
    } while (0)

static void test_sha256(void) {
    char hex[65];
    lt_sha256_hex((const uint8_t *)"", 0, hex);
    CHECK(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
    lt_sha256_hex((const uint8_t *)"abc", 3, hex);
    CHECK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: tail needs 2 blocks */
    lt_sha256_hex((const uint8_t *)two, strlen(two), hex);
    CHECK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0);
}

static void test_cpulist(void) {
    cpu_set_t s;
    lt_error e;
    CHECK(lt_parse_cpus("4-7", &s, &e) == LT_OK && CPU_COUNT(&s) == 4 && CPU_ISSET(4, &s) && CPU_ISSET(7, &s));
    CHECK(lt_parse_cpus("0,2,5-6", &s, &e) == LT_OK && CPU_COUNT(&s) == 4 && !CPU_ISSET(1, &s));
    const char *bad[] = {"", "7-4", "a", "1,", ",1", "1-", "1--2", " 1", "1 ", "0x1", "-1", "99999", "1;2", "1,,2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK(lt_parse_cpus(bad[i], &s, &e) == LT_ERR_USAGE);
        CHECK(strstr(e.message, "cpu list") != NULL);
    }
}

static void test_json(void) {
    lt_json j = {0};
    FILE *f = tmpfile();
    lt_json_begin(&j, "error");
    lt_json_kv_str(&j, "message", "a \"q\" \\ \n\t\x01 \xff\xfe ok \xc3\xa9");
    lt_json_kv_int(&j, "n", -5);
    CHECK(lt_json_end(&j, f) == 0);
    rewind(f);
    char line[256] = "";
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK(strcmp(line, "{\"type\":\"error\",\"message\":\"a \\\"q\\\" \\\\ \\n\\t\\u0001 \\ufffd\\ufffd ok \xc3\xa9\",\"n\":-5}\n") == 0);
    fclose(f);
    lt_json_free(&j);
}

static void test_layout(void) {
    int nhwc[4] = {0, 2, 3, 1}, out[6];
    int64_t in4[4] = {1, 8, 4, 5}, to3[3] = {1, 8, 20}, to2[2] = {1, 160};
    CHECK(lt_layout_reshape(in4, 4, nhwc, to3, 3, out) && out[0] == 0 && out[1] == 2 && out[2] == 1);
    CHECK(!lt_layout_reshape(in4, 4, nhwc, to2, 2, out)); /* flattening C with H,W needs NCHW order */
    int64_t pooled[4] = {1, 8, 1, 1}, flat[2] = {1, 8};
    CHECK(lt_layout_reshape(pooled, 4, nhwc, flat, 2, out) && out[0] == 0 && out[1] == 1);
    int swapped[3] = {0, 2, 1};
    int64_t mhw[3] = {1, 6, 20}, back[4] = {1, 6, 4, 5};
    CHECK(lt_layout_reshape(mhw, 3, swapped, back, 4, out) && memcmp(out, nhwc, sizeof nhwc) == 0);
    int id4[4] = {0, 1, 2, 3};
    CHECK(lt_layout_same_memory(pooled, id4, nhwc, 4));
    CHECK(!lt_layout_same_memory(in4, id4, nhwc, 4));
    /* NCHW [1,2,2,3] -> NHWC and back */
    float src[12], mid[12], dst[12];
    int64_t d[4] = {1, 2, 2, 3};
    for (int i = 0; i < 12; i++) src[i] = (float)i;
    lt_layout_transpose(src, d, id4, mid, nhwc, 4);
    CHECK(mid[0] == 0 && mid[1] == 6 && mid[2] == 1); /* (h0,w0,c0), (h0,w0,c1), (h0,w1,c0) */
    lt_layout_transpose(mid, d, nhwc, dst, id4, 4);
    CHECK(memcmp(src, dst, sizeof src) == 0);
}

static void test_abi(const char *dir) {
    char path[1024], msg[512];
    int status;
    snprintf(path, sizeof path, "%s/ok.onnx", dir);
    lt_options cpu = {"cpu", 1, NULL, LT_PRECISION_FP32};
    lt_options two = {"cpu", 2, NULL, LT_PRECISION_FP32};
    lt_runner *a = lt_open(path, &cpu, &status, msg, sizeof msg);
    lt_runner *b = lt_open(path, &two, &status, msg, sizeof msg);
    CHECK(a != NULL && b != NULL);
    if (a == NULL || b == NULL) {
        fprintf(stderr, "open failed: %s\n", msg);
        lt_close(a);
        lt_close(b);
        return;
    }
    CHECK(lt_input_count(a) == 1 && lt_output_count(a) == 1);
    int64_t ns[8];
    int n = 0;
    CHECK(lt_run(a, 1, 5, 0, 0, ns, 8, &n) == LT_OK && n == 5);
    for (int i = 0; i < n; i++) CHECK(ns[i] > 0);
    CHECK(lt_run(a, 0, 50, 0, 0, ns, 8, &n) == LT_OK && n == 8); /* capacity bounds the samples */
    CHECK(lt_run(a, -1, 5, 0, 0, ns, 8, &n) == LT_ERR_USAGE && strstr(lt_last_error(a), "warmup") != NULL);
    /* the two handles compute the same outputs from the same inputs, independently */
    float in[192], oa[256], ob[256];
    for (int i = 0; i < 192; i++) in[i] = sinf((float)i);
    CHECK(lt_set_input(a, 0, in, 192) == LT_OK && lt_set_input(b, 0, in, 192) == LT_OK);
    CHECK(lt_invoke(a) == LT_OK && lt_invoke(b) == LT_OK);
    CHECK(lt_get_output(a, 0, oa, 256) == LT_OK && lt_get_output(b, 0, ob, 256) == LT_OK);
    float worst = 0;
    for (int i = 0; i < 256; i++) worst = fmaxf(worst, fabsf(oa[i] - ob[i]));
    CHECK(worst < 1e-5f);
    CHECK(lt_set_input(a, 0, in, 191) == LT_ERR_USAGE && strstr(lt_last_error(a), "192") != NULL);
    CHECK(lt_get_output(a, 3, oa, 256) == LT_ERR_USAGE);
    CHECK(strlen(lt_model_sha256(a)) == 64 && strncmp(lt_engine(a), "xnnpack", 7) == 0);
    lt_close(a);
    lt_close(b);

    lt_options unknown = {"tpu", 1, NULL, 0}, badcpus = {"cpu", 1, "1-0", 0};
    CHECK(lt_open(path, &unknown, &status, msg, sizeof msg) == NULL && status == LT_ERR_USAGE);
    CHECK(strstr(msg, "tpu") != NULL);
    CHECK(lt_open(path, &badcpus, &status, msg, sizeof msg) == NULL && status == LT_ERR_USAGE);
    CHECK(lt_open("/nonexistent/m.onnx", &cpu, &status, msg, sizeof msg) == NULL && status == LT_ERR_MODEL);
    lt_runner *quiet = lt_open(path, NULL, NULL, NULL, 0); /* NULL options: cpu, 1 thread; NULL outputs allowed */
    CHECK(quiet != NULL);
    lt_close(quiet);
    lt_runner *pinned;
    lt_options cpu0 = {"cpu", 1, "0", 0};
    CHECK((pinned = lt_open(path, &cpu0, &status, msg, sizeof msg)) != NULL);
    CHECK(pinned == NULL || lt_run(pinned, 0, 3, 0, 0.1, ns, 8, &n) == LT_OK);
    lt_close(pinned);
}

static int read_floats(const char *path, float *out, size_t n) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return 0;
    size_t got = fread(out, sizeof *out, n, f);
    fclose(f);
    return got == n;
}

/* layouts.onnx (Flatten of a feature map, MatMul with the constant on either side, Transpose, ReduceMean, Gemm)
 * against the numpy reference make_models.py wrote. */
static void test_layouts_numerics(const char *dir) {
    char path[1024], msg[512];
    float in[192], expected[4 + 320], y[4], mm[320];
    snprintf(path, sizeof path, "%s/layouts.input.bin", dir);
    CHECK(read_floats(path, in, 192));
    snprintf(path, sizeof path, "%s/layouts.expected.bin", dir);
    CHECK(read_floats(path, expected, 324));
    snprintf(path, sizeof path, "%s/layouts.onnx", dir);
    for (int threads = 1; threads <= 2; threads++) {
        lt_options o = {"cpu", threads, NULL, LT_PRECISION_FP32};
        int status;
        lt_runner *r = lt_open(path, &o, &status, msg, sizeof msg);
        CHECK(r != NULL);
        if (r == NULL) {
            fprintf(stderr, "open layouts.onnx: %s\n", msg);
            return;
        }
        CHECK(lt_set_input(r, 0, in, 192) == LT_OK);
        CHECK(lt_invoke(r) == LT_OK);
        CHECK(lt_get_output(r, 0, y, 4) == LT_OK && lt_get_output(r, 1, mm, 320) == LT_OK);
        float max = 0, worst = 0;
        for (int i = 0; i < 324; i++) max = fmaxf(max, fabsf(expected[i]));
        for (int i = 0; i < 324; i++) {
            float got = i < 4 ? y[i] : mm[i - 4];
            worst = fmaxf(worst, fabsf(got - expected[i]));
        }
        CHECK(max > 0);
        CHECK(worst <= 1e-4f * max);
        if (worst > 1e-4f * max) fprintf(stderr, "layouts: worst error %g of max %g\n", worst, max);
        lt_close(r);
    }
}

/* Corrupted models (seeded random byte flips, truncations) open cleanly or fail with a model/unsupported status;
 * under AddressSanitizer any memory error aborts the test. */
static void test_mutated_models(const char *dir) {
    const char *names[] = {"ok.onnx", "layouts.onnx"};
    /* LT_FUZZ_ROUNDS and LT_FUZZ_SEED widen a local search; the suite runs a fixed, quick set. */
    const char *env_rounds = getenv("LT_FUZZ_ROUNDS"), *env_seed = getenv("LT_FUZZ_SEED");
    int rounds = env_rounds != NULL ? atoi(env_rounds) : 500;
    uint32_t seed = env_seed != NULL ? (uint32_t)strtoul(env_seed, NULL, 10) : 12345u;
    int opened = 0, refused = 0;
    for (size_t m = 0; m < sizeof names / sizeof names[0]; m++) {
        char path[1024], tmp[1100];
        snprintf(path, sizeof path, "%s/%s", dir, names[m]);
        snprintf(tmp, sizeof tmp, "%s/mutated-%s", dir, names[m]);
        FILE *f = fopen(path, "rb");
        CHECK(f != NULL);
        if (f == NULL) return;
        unsigned char buf[1 << 16];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        for (int round = 0; round < rounds; round++) {
            unsigned char mut[1 << 16];
            memcpy(mut, buf, len);
            size_t n = len;
            seed = seed * 1664525u + 1013904223u;
            int flips = 1 + (int)(seed >> 29);
            for (int k = 0; k < flips; k++) {
                seed = seed * 1664525u + 1013904223u;
                size_t at = (seed >> 8) % len;
                seed = seed * 1664525u + 1013904223u;
                mut[at] = (unsigned char)(seed >> 24);
            }
            if (round % 10 == 9) n = (seed >> 4) % len; /* and some truncations */
            FILE *o = fopen(tmp, "wb");
            CHECK(o != NULL);
            if (o == NULL) return;
            fwrite(mut, 1, n, o);
            fclose(o);
            lt_options cpu = {"cpu", 1, NULL, LT_PRECISION_FP32};
            int status;
            char msg[512];
            lt_runner *r = lt_open(tmp, &cpu, &status, msg, sizeof msg);
            if (r != NULL) {
                opened++;
                CHECK(lt_invoke(r) == LT_OK);
                lt_close(r);
            } else {
                refused++;
                CHECK(status == LT_ERR_MODEL || status == LT_ERR_UNSUPPORTED);
                CHECK(msg[0] != '\0');
            }
        }
        remove(tmp);
    }
    CHECK(refused > 0);
    printf("mutated models: %d opened, %d refused\n", opened, refused);
}

int main(int argc, char **argv) {
    test_sha256();
    test_cpulist();
    test_json();
    test_layout();
    if (argc > 1) {
        test_abi(argv[1]);
        test_layouts_numerics(argv[1]);
        test_mutated_models(argv[1]);
    }
    if (failures) fprintf(stderr, "%d checks failed\n", failures);
    else printf("all checks passed\n");
    return failures ? 1 : 0;
}
