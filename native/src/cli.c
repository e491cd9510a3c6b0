#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lt_status parse_int(const char *opt, const char *v, int lo, int hi, int *out, lt_error *err) {
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (v[0] == '\0' || *end != '\0' || errno != 0 || x < lo || x > hi) {
        return lt_fail(err, LT_ERR_USAGE, "bad number for %s: '%s' (give an integer from %d to %d)", opt, v, lo, hi);
    }
    *out = (int)x;
    return LT_OK;
}

static lt_status parse_double(const char *opt, const char *v, double hi, double *out, lt_error *err) {
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (v[0] == '\0' || *end != '\0' || errno != 0 || !isfinite(x) || x < 0 || x > hi) {
        return lt_fail(err, LT_ERR_USAGE, "bad number for %s: '%s' (give a number from 0 to %g)", opt, v, hi);
    }
    *out = x;
    return LT_OK;
}

lt_status lt_cli_parse(int argc, char **argv, lt_cli *c, lt_error *err) {
    memset(c, 0, sizeof *c);
    c->warmup = 5;
    c->iterations = 50;
    c->threads = 1;
    c->batch_size = 1000;
    c->rounds = 1;
    c->precision = LT_PRECISION_FP32;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--version") == 0) {
            c->version = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0) {
            return lt_fail(err, LT_ERR_USAGE, "unexpected argument '%s': options start with -- (see --model, --backend)", a);
        }
        /* --opt value or --opt=value */
        char name[64];
        const char *v;
        const char *eq = strchr(a, '=');
        if (eq != NULL) {
            size_t n = (size_t)(eq - a);
            if (n >= sizeof name) n = sizeof name - 1;
            memcpy(name, a, n);
            name[n] = '\0';
            v = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a);
            if (i + 1 >= argc) return lt_fail(err, LT_ERR_USAGE, "option %s needs a value", a);
            v = argv[++i];
        }
        lt_status s = LT_OK;
        if (strcmp(name, "--model") == 0) c->model = v;
        else if (strcmp(name, "--manifest") == 0) c->manifest = v;
        else if (strcmp(name, "--backend") == 0) c->backend = v;
        else if (strcmp(name, "--warmup") == 0) s = parse_int(name, v, 0, 1000000, &c->warmup, err);
        else if (strcmp(name, "--iterations") == 0) s = parse_int(name, v, 0, 10000000, &c->iterations, err);
        else if (strcmp(name, "--min-seconds") == 0) s = parse_double(name, v, 86400, &c->min_seconds, err);
        else if (strcmp(name, "--delay-ms") == 0) s = parse_double(name, v, 60000, &c->delay_ms, err);
        else if (strcmp(name, "--threads") == 0) s = parse_int(name, v, 1, 256, &c->threads, err);
        else if (strcmp(name, "--cpus") == 0) c->cpus = v;
        else if (strcmp(name, "--batch-size") == 0) s = parse_int(name, v, 1, 1000, &c->batch_size, err);
        else if (strcmp(name, "--rounds") == 0) s = parse_int(name, v, 1, LT_MAX_ROUNDS, &c->rounds, err);
        else if (strcmp(name, "--order") == 0) c->order = v;
        else if (strcmp(name, "--inputs") == 0) c->inputs = v;
        else if (strcmp(name, "--outputs") == 0) c->outputs = v;
        else if (strcmp(name, "--precision") == 0) {
            if (strcmp(v, "fp32") == 0) c->precision = LT_PRECISION_FP32;
            else if (strcmp(v, "fp16") == 0) c->precision = LT_PRECISION_FP16;
            else s = lt_fail(err, LT_ERR_USAGE, "bad --precision '%s': use fp32 or fp16", v);
        } else {
            s = lt_fail(err, LT_ERR_USAGE,
                        "unknown option %s (known: --model, --manifest, --backend, --warmup, --iterations, --min-seconds, "
                        "--delay-ms, --threads, --cpus, --precision, --batch-size, --rounds, --order, --inputs, --outputs, "
                        "--version)",
                        name);
        }
        if (s) return s;
    }
    if (c->version) return LT_OK;
    if ((c->model == NULL) == (c->manifest == NULL)) {
        return lt_fail(err, LT_ERR_USAGE, "give exactly one of --model FILE.onnx or --manifest FILE");
    }
    if (c->backend == NULL) return lt_fail(err, LT_ERR_USAGE, "missing --backend (cpu or gpu)");
    if ((c->inputs == NULL) != (c->outputs == NULL)) {
        return lt_fail(err, LT_ERR_USAGE, "--inputs and --outputs go together (one inference on the inputs of one file, "
                                          "its outputs written to the other)");
    }
    if (c->outputs != NULL && (c->model == NULL || c->rounds > 1)) {
        return lt_fail(err, LT_ERR_USAGE, "--outputs runs one --model once: not with --manifest or --rounds");
    }
    if (c->rounds > 1 && c->iterations == 0) {
        return lt_fail(err, LT_ERR_USAGE, "--rounds needs --iterations of at least 1 (the samples per model per round)");
    }
    if (c->order != NULL && c->rounds == 1) {
        return lt_fail(err, LT_ERR_USAGE, "--order needs --rounds of at least 2 (it orders the visits of each round)");
    }
    if (c->iterations == 0 && c->min_seconds == 0) {
        return lt_fail(err, LT_ERR_USAGE, "--iterations 0 needs --min-seconds above 0 (nothing would be timed)");
    }
    return LT_OK;
}
