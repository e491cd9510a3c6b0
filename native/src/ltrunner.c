/* The C ABI: a handle owns its model, its backend state and its last error; nothing is shared between handles. */
#include "ltrunner.h"

#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "cpulist.h"
#include "runner.h"

#define LT_VERSION "0.1.0"

struct lt_runner {
    lt_model *model;
    const lt_backend *backend;
    void *state;
    cpu_set_t cpus;
    int pinned;
    char *cpu_list;
    int64_t load_ns, first_ns, wall_ns;
    lt_error last;
    lt_backend_op_time *ops;
    int n_ops;
    int64_t *op_mean_ns;
};

const char *lt_version(void) { return LT_VERSION; }

static void report(lt_error *e, int *status_out, char *err_buf, size_t err_len) {
    if (status_out != NULL) *status_out = e->code;
    if (err_buf != NULL && err_len > 0) {
        strncpy(err_buf, e->message, err_len - 1);
        err_buf[err_len - 1] = '\0';
    }
}

/* Inputs start as a fixed pseudo-random pattern in [-1, 1]: same data on every device and run. */
static lt_status fill_inputs(lt_runner *r, lt_error *err) {
    uint32_t seed = 0x2545F491u;
    for (int i = 0; i < r->model->n_inputs; i++) {
        const lt_tensor *t = &r->model->tensors[r->model->inputs[i]];
        size_t n = (size_t)lt_tensor_elements(t);
        float *d = malloc(n * sizeof *d);
        if (d == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory filling input '%s'", t->name);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1664525u + 1013904223u;
            d[k] = (float)((seed >> 8) * (2.0 / 16777216.0) - 1.0);
        }
        lt_status s = r->backend->set_input(r->state, i, d, n, err);
        free(d);
        if (s) return s;
    }
    return LT_OK;
}

static void destroy(lt_runner *r) {
    if (r == NULL) return;
    if (r->state != NULL) r->backend->close(r->state);
    lt_model_free(r->model);
    free(r->cpu_list);
    free(r->ops);
    free(r->op_mean_ns);
    free(r);
}

lt_runner *lt_open(const char *model_path, const lt_options *options, int *status_out, char *err_buf, size_t err_len) {
    lt_error e = {LT_OK, ""};
    lt_options dflt = {"cpu", 1, NULL, LT_PRECISION_FP32};
    const lt_options *o = options != NULL ? options : &dflt;
    int64_t t0 = lt_now_ns();
    lt_runner *r = calloc(1, sizeof *r);
    if (r == NULL) {
        lt_fail(&e, LT_ERR_RUNTIME, "out of memory");
        report(&e, status_out, err_buf, err_len);
        return NULL;
    }
    int threads = o->threads == 0 ? 1 : o->threads;
    /* Options first: a usage error must not depend on whether the model loads. */
    if (threads < 1 || threads > 256) {
        lt_fail(&e, LT_ERR_USAGE, "threads must be between 1 and 256, got %d", o->threads);
    } else if (o->precision != LT_PRECISION_FP32 && o->precision != LT_PRECISION_FP16) {
        lt_fail(&e, LT_ERR_USAGE, "precision must be fp32 (0) or fp16 (1), got %d", o->precision);
    } else if (o->cpus != NULL && lt_parse_cpus(o->cpus, &r->cpus, &e) == LT_OK) {
        /* More threads than pinned cpus: pthreadpool workers spin-wait against each other (seen: 15x slower). */
        if (threads > CPU_COUNT(&r->cpus)) {
            lt_fail(&e, LT_ERR_USAGE, "%d threads need at least %d cpus, but cpu list '%s' has %d", threads, threads,
                    o->cpus, CPU_COUNT(&r->cpus));
        }
        r->pinned = 1;
        r->cpu_list = malloc(strlen(o->cpus) + 1);
        if (r->cpu_list == NULL) lt_fail(&e, LT_ERR_RUNTIME, "out of memory");
        else strcpy(r->cpu_list, o->cpus);
    }
    if (e.code == LT_OK) r->backend = lt_find_backend(o->backend, &e);
    if (e.code == LT_OK && model_path == NULL) lt_fail(&e, LT_ERR_USAGE, "no model path given");
    if (e.code == LT_OK) r->model = lt_model_load(model_path, &e);
    if (e.code == LT_OK) {
        /* The backend's worker threads inherit the mask of the thread that creates them. */
        cpu_set_t saved;
        if (!r->pinned || lt_pin_thread(&r->cpus, &saved, r->cpu_list, &e) == LT_OK) {
            lt_backend_options bo = {threads, (lt_precision)o->precision};
            r->state = r->backend->open(r->model, &bo, &e);
            if (r->pinned) lt_unpin_thread(&saved);
        }
    }
    if (e.code == LT_OK) fill_inputs(r, &e);
    if (e.code != LT_OK) {
        report(&e, status_out, err_buf, err_len);
        destroy(r);
        return NULL;
    }
    r->load_ns = lt_now_ns() - t0;
    if (status_out != NULL) *status_out = LT_OK;
    if (err_buf != NULL && err_len > 0) err_buf[0] = '\0';
    return r;
}

static int ok(lt_runner *r) {
    r->last.code = LT_OK;
    r->last.message[0] = '\0';
    return LT_OK;
}

static void collect_op_times(lt_runner *r) {
    r->n_ops = 0;
    if (r->backend->op_times == NULL) return;
    int n = r->backend->op_times(r->state, NULL, 0);
    if (n <= 0) return;
    lt_backend_op_time *ops = realloc(r->ops, (size_t)n * sizeof *ops);
    if (ops == NULL) return;
    r->ops = ops;
    int64_t *mean = realloc(r->op_mean_ns, (size_t)n * sizeof *mean);
    if (mean == NULL) return;
    r->op_mean_ns = mean;
    n = r->backend->op_times(r->state, r->ops, n);
    for (int i = 0; i < n; i++) {
        r->op_mean_ns[i] = r->ops[i].count > 0 ? (int64_t)(r->ops[i].total_ns / r->ops[i].count) : 0;
    }
    r->n_ops = n;
}

int lt_run(lt_runner *r, int warmup, int iterations, double min_seconds, double delay_ms, int64_t *samples_ns,
           int capacity, int *count_out) {
    if (r == NULL) return LT_ERR_USAGE;
    if (count_out != NULL) *count_out = 0;
    if (warmup < 0 || iterations < 0 || capacity < 1 || samples_ns == NULL || !(min_seconds >= 0) || !(delay_ms >= 0) ||
        (iterations == 0 && min_seconds == 0)) {
        return lt_fail(&r->last, LT_ERR_USAGE,
                       "bad run settings: warmup >= 0, iterations >= 0, min_seconds >= 0 (one of them > 0), delay_ms >= 0, "
                       "a sample buffer of capacity >= 1");
    }
    cpu_set_t saved;
    if (r->pinned && lt_pin_thread(&r->cpus, &saved, r->cpu_list, &r->last) != LT_OK) return r->last.code;
    if (r->backend->reset_op_times != NULL) r->backend->reset_op_times(r->state);
    lt_loop_settings s = {warmup, iterations, min_seconds, delay_ms};
    lt_loop_result res;
    lt_error e = {LT_OK, ""};
    lt_status st = lt_timing_loop(r->backend, r->state, &s, samples_ns, capacity, &res, &e);
    if (r->pinned) lt_unpin_thread(&saved);
    if (count_out != NULL) *count_out = res.count;
    r->first_ns = res.first_ns;
    r->wall_ns = res.wall_ns;
    if (st != LT_OK) {
        r->last = e;
        return st;
    }
    collect_op_times(r);
    return ok(r);
}

int lt_op_count(lt_runner *r) { return r != NULL ? r->n_ops : 0; }

int lt_op_timing(lt_runner *r, int index, const char **node, const char **op_type, int64_t *mean_ns) {
    if (r == NULL) return LT_ERR_USAGE;
    if (index < 0 || index >= r->n_ops) return lt_fail(&r->last, LT_ERR_USAGE, "op index %d out of range (%d ops)", index, r->n_ops);
    if (node) *node = r->ops[index].node;
    if (op_type) *op_type = r->ops[index].op_type;
    if (mean_ns) *mean_ns = r->op_mean_ns[index];
    return ok(r);
}

int lt_input_count(lt_runner *r) { return r != NULL ? r->model->n_inputs : 0; }
int lt_output_count(lt_runner *r) { return r != NULL ? r->model->n_outputs : 0; }

static int info(lt_runner *r, const int *list, int n, int index, const char **name, int *rank, int64_t *dims) {
    if (r == NULL) return LT_ERR_USAGE;
    if (index < 0 || index >= n) return lt_fail(&r->last, LT_ERR_USAGE, "index %d out of range (%d)", index, n);
    const lt_tensor *t = &r->model->tensors[list[index]];
    if (name) *name = t->name;
    if (rank) *rank = t->rank;
    if (dims) {
        for (int i = 0; i < t->rank; i++) dims[i] = t->dims[i];
    }
    return ok(r);
}

int lt_input_info(lt_runner *r, int index, const char **name, int *rank, int64_t *dims) {
    return info(r, r ? r->model->inputs : NULL, r ? r->model->n_inputs : 0, index, name, rank, dims);
}

int lt_output_info(lt_runner *r, int index, const char **name, int *rank, int64_t *dims) {
    return info(r, r ? r->model->outputs : NULL, r ? r->model->n_outputs : 0, index, name, rank, dims);
}

int lt_set_input(lt_runner *r, int index, const float *data, size_t count) {
    if (r == NULL) return LT_ERR_USAGE;
    if (data == NULL) return lt_fail(&r->last, LT_ERR_USAGE, "no input data given");
    lt_status s = r->backend->set_input(r->state, index, data, count, &r->last);
    return s != LT_OK ? (int)s : ok(r);
}

int lt_invoke(lt_runner *r) {
    if (r == NULL) return LT_ERR_USAGE;
    lt_status s = r->backend->invoke(r->state, &r->last);
    return s != LT_OK ? (int)s : ok(r);
}

int lt_get_output(lt_runner *r, int index, float *data, size_t count) {
    if (r == NULL) return LT_ERR_USAGE;
    if (data == NULL) return lt_fail(&r->last, LT_ERR_USAGE, "no output buffer given");
    lt_status s = r->backend->get_output(r->state, index, data, count, &r->last);
    return s != LT_OK ? (int)s : ok(r);
}

const char *lt_engine(lt_runner *r) { return r != NULL ? r->backend->engine(r->state) : ""; }
const char *lt_model_sha256(lt_runner *r) { return r != NULL ? r->model->sha256 : ""; }
int64_t lt_load_ns(lt_runner *r) { return r != NULL ? r->load_ns : 0; }
int64_t lt_first_inference_ns(lt_runner *r) { return r != NULL ? r->first_ns : 0; }
int64_t lt_last_run_wall_ns(lt_runner *r) { return r != NULL ? r->wall_ns : 0; }
const char *lt_last_error(lt_runner *r) { return r != NULL ? r->last.message : "no runner (NULL handle)"; }

void lt_close(lt_runner *r) { destroy(r); }
