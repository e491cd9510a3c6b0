#include "outputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltrunner.h"
#include "records.h"

/* Elements of a tensor; 0 when a dimension is not positive. */
static size_t elements(int rank, const int64_t *dims) {
    size_t n = 1;
    for (int d = 0; d < rank; d++) n *= dims[d] > 0 ? (size_t)dims[d] : 0;
    return n;
}

/* Reads every input from `in` and sets it; LT_OK or a status with msg filled. */
static int set_inputs(lt_runner *r, FILE *in, const char *file, char *msg, size_t cap) {
    size_t total = 0;
    int count = lt_input_count(r), status = LT_OK;
    for (int k = 0; k < count; k++) {
        const char *name;
        int rank;
        int64_t dims[8];
        lt_input_info(r, k, &name, &rank, dims);
        total += elements(rank, dims);
    }
    float *all = malloc((total ? total : 1) * sizeof *all);
    if (all == NULL) {
        snprintf(msg, cap, "out of memory for %zu input values", total);
        return LT_ERR_RUNTIME;
    }
    size_t got = fread(all, sizeof *all, total, in);
    int extra = fgetc(in) != EOF;
    if (got != total || extra) {
        snprintf(msg, cap, "--inputs '%s' must hold exactly %zu float32 values (%zu bytes: every input, in order), "
                 "not %s", file, total, total * sizeof *all, extra ? "more" : "fewer");
        status = LT_ERR_USAGE;
    }
    size_t at = 0;
    for (int k = 0; status == LT_OK && k < count; k++) {
        const char *name;
        int rank;
        int64_t dims[8];
        lt_input_info(r, k, &name, &rank, dims);
        size_t n = elements(rank, dims);
        status = lt_set_input(r, k, all + at, n);
        if (status != LT_OK) snprintf(msg, cap, "%s", lt_last_error(r));
        at += n;
    }
    free(all);
    return status;
}

/* Writes every output to `out`; LT_OK or a status with msg filled. */
static int write_outputs(lt_runner *r, FILE *out, const char *file, size_t *written, char *msg, size_t cap) {
    *written = 0;
    for (int k = 0; k < lt_output_count(r); k++) {
        const char *name;
        int rank;
        int64_t dims[8];
        lt_output_info(r, k, &name, &rank, dims);
        size_t n = elements(rank, dims);
        float *v = malloc((n ? n : 1) * sizeof *v);
        if (v == NULL) {
            snprintf(msg, cap, "out of memory for output '%s'", name);
            return LT_ERR_RUNTIME;
        }
        int status = lt_get_output(r, k, v, n);
        if (status != LT_OK) {
            snprintf(msg, cap, "%s", lt_last_error(r));
            free(v);
            return status;
        }
        size_t put = fwrite(v, sizeof *v, n, out);
        free(v);
        if (put != n) {
            snprintf(msg, cap, "cannot write --outputs '%s': %s", file, strerror(errno));
            return LT_ERR_RUNTIME;
        }
        *written += n;
    }
    return LT_OK;
}

int lt_write_outputs(const lt_cli *c, lt_json *j) {
    lt_options o = {c->backend, c->threads, c->cpus, c->precision};
    int status;
    char msg[1024];
    lt_runner *r = lt_open(c->model, &o, &status, msg, sizeof msg);
    if (r == NULL) return lt_rec_error(j, status == LT_ERR_USAGE ? NULL : c->model, status, msg);
    lt_rec_header(j, c, r, c->model, 0);
    FILE *in = fopen(c->inputs, "rb");
    if (in == NULL) {
        snprintf(msg, sizeof msg, "cannot read --inputs '%s': %s", c->inputs, strerror(errno));
        lt_close(r);
        return lt_rec_error(j, NULL, LT_ERR_USAGE, msg);
    }
    status = set_inputs(r, in, c->inputs, msg, sizeof msg);
    fclose(in);
    if (status == LT_OK && (status = lt_invoke(r)) != LT_OK) snprintf(msg, sizeof msg, "%s", lt_last_error(r));
    size_t written = 0;
    if (status == LT_OK) {
        FILE *out = fopen(c->outputs, "wb");
        if (out == NULL) {
            snprintf(msg, sizeof msg, "cannot create --outputs '%s': %s", c->outputs, strerror(errno));
            status = LT_ERR_USAGE;
        } else {
            status = write_outputs(r, out, c->outputs, &written, msg, sizeof msg);
            if (fclose(out) != 0 && status == LT_OK) {
                snprintf(msg, sizeof msg, "cannot write --outputs '%s': %s", c->outputs, strerror(errno));
                status = LT_ERR_RUNTIME;
            }
        }
    }
    lt_close(r);
    if (status != LT_OK) return lt_rec_error(j, status == LT_ERR_USAGE ? NULL : c->model, status, msg);
    lt_json_begin(j, "outputs");
    lt_json_kv_str(j, "file", c->outputs);
    lt_json_kv_int(j, "values", (int64_t)written);
    lt_json_end(j, stdout);
    return LT_OK;
}
