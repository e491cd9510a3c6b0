/* ltrunner: the agent pushed to devices. Runs models through the C ABI and prints the JSON-lines protocol. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cpulist.h"
#include "json.h"
#include "ltrunner.h"

#define PROTOCOL_VERSION 1
#define MAX_SAMPLES_WITH_MIN_SECONDS 1000000

/* The protocol's name of a status; anything unknown is a runtime failure. */
static const char *code_name(int status) {
    switch (status) {
#define LT_STATUS_CASE(name, value, code) \
        case name: return code;
        LT_STATUS_CODES(LT_STATUS_CASE)
#undef LT_STATUS_CASE
        default: return "runtime";
    }
}

static int print_error(lt_json *j, const char *model, int status, const char *message) {
    lt_json_begin(j, "error");
    if (model != NULL) lt_json_kv_str(j, "model", model);
    lt_json_kv_str(j, "code", code_name(status));
    lt_json_kv_str(j, "message", message);
    lt_json_end(j, stdout);
    return status;
}

static void print_cpus(lt_json *j, const char *list) {
    lt_json_key(j, "cpus");
    cpu_set_t set;
    lt_error e;
    if (list == NULL || lt_parse_cpus(list, &set, &e) != LT_OK) {
        lt_json_null(j);
        return;
    }
    lt_json_raw(j, "[");
    int first = 1;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &set)) continue;
        if (!first) lt_json_raw(j, ",");
        lt_json_int(j, c);
        first = 0;
    }
    lt_json_raw(j, "]");
}

static void print_cpu_info(lt_json *j) {
    lt_json_key(j, "cpu");
    lt_json_raw(j, "{");
    j->need_comma = 0;
    lt_json_kv_int(j, "cores", sysconf(_SC_NPROCESSORS_CONF));
    char online[256] = "";
    FILE *f = fopen("/sys/devices/system/cpu/online", "r");
    if (f != NULL) {
        if (fgets(online, sizeof online, f) == NULL) online[0] = '\0';
        fclose(f);
        online[strcspn(online, "\r\n")] = '\0';
    }
    lt_json_kv_str(j, "online", online[0] ? online : NULL);
    lt_json_raw(j, "}");
}

static void print_tensors(lt_json *j, lt_runner *r, const char *key, int outputs) {
    lt_json_key(j, key);
    lt_json_raw(j, "[");
    int n = outputs ? lt_output_count(r) : lt_input_count(r);
    for (int i = 0; i < n; i++) {
        const char *name;
        int rank;
        int64_t dims[6];
        if (outputs) lt_output_info(r, i, &name, &rank, dims);
        else lt_input_info(r, i, &name, &rank, dims);
        lt_json_raw(j, i ? ",{" : "{");
        j->need_comma = 0;
        lt_json_kv_str(j, "name", name);
        lt_json_key(j, "shape");
        lt_json_raw(j, "[");
        for (int k = 0; k < rank; k++) {
            if (k) lt_json_raw(j, ",");
            lt_json_int(j, dims[k]);
        }
        lt_json_raw(j, "]}");
    }
    lt_json_raw(j, "]");
    j->need_comma = 1;
}

static int cmp_i64(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int run_model(const lt_cli *c, const char *path, int tag_model, lt_json *j) {
    const char *tag = tag_model ? path : NULL;
    lt_options o = {c->backend, c->threads, c->cpus, c->precision};
    int status;
    char msg[1024];
    lt_runner *r = lt_open(path, &o, &status, msg, sizeof msg);
    if (r == NULL) return print_error(j, tag ? tag : (status == LT_ERR_USAGE ? NULL : path), status, msg);

    lt_json_begin(j, "header");
    if (tag) lt_json_kv_str(j, "model", tag);
    lt_json_kv_int(j, "protocol_version", PROTOCOL_VERSION);
    lt_json_kv_str(j, "runner_version", lt_version());
    lt_json_kv_str(j, "engine", lt_engine(r));
    lt_json_kv_str(j, "backend", c->backend);
    lt_json_kv_str(j, "precision", c->precision == LT_PRECISION_FP16 ? "fp16" : "fp32");
    if (!tag) lt_json_kv_str(j, "model", path);
    lt_json_kv_str(j, "model_sha256", lt_model_sha256(r));
    lt_json_kv_int(j, "load_ns", lt_load_ns(r));
    lt_json_kv_int(j, "threads", c->threads);
    print_cpus(j, c->cpus);
    print_cpu_info(j);
    print_tensors(j, r, "inputs", 0);
    print_tensors(j, r, "outputs", 1);
    lt_json_end(j, stdout);

    int capacity = c->min_seconds > 0 && c->iterations < MAX_SAMPLES_WITH_MIN_SECONDS ? MAX_SAMPLES_WITH_MIN_SECONDS
                                                                                       : c->iterations;
    int64_t *samples = malloc((size_t)capacity * sizeof *samples);
    if (samples == NULL) {
        lt_close(r);
        return print_error(j, path, LT_ERR_RUNTIME, "out of memory for the sample buffer");
    }
    int count = 0;
    status = lt_run(r, c->warmup, c->iterations, c->min_seconds, c->delay_ms, samples, capacity, &count);
    if (status != LT_OK) {
        snprintf(msg, sizeof msg, "%s", lt_last_error(r));
        free(samples);
        lt_close(r);
        return print_error(j, path, status, msg);
    }
    for (int off = 0; off < count; off += c->batch_size) {
        int n = count - off < c->batch_size ? count - off : c->batch_size;
        lt_json_begin(j, "samples");
        lt_json_kv_str(j, "model", path);
        lt_json_kv_int(j, "offset", off);
        lt_json_key(j, "ns");
        lt_json_raw(j, "[");
        for (int k = 0; k < n; k++) {
            if (k) lt_json_raw(j, ",");
            lt_json_int(j, samples[off + k]);
        }
        lt_json_raw(j, "]");
        lt_json_end(j, stdout);
    }
    for (int i = 0; i < lt_op_count(r); i++) {
        const char *node, *op;
        int64_t mean;
        if (lt_op_timing(r, i, &node, &op, &mean) != LT_OK) continue;
        lt_json_begin(j, "op");
        lt_json_kv_str(j, "model", path);
        lt_json_kv_str(j, "node", node);
        lt_json_kv_str(j, "op_type", op);
        lt_json_kv_int(j, "ns", mean);
        lt_json_key(j, "device_time");
        lt_json_bool(j, strcmp(c->backend, "gpu") == 0);
        lt_json_end(j, stdout);
    }
    int64_t sum = 0;
    for (int k = 0; k < count; k++) sum += samples[k];
    qsort(samples, (size_t)count, sizeof *samples, cmp_i64);
    lt_json_begin(j, "summary");
    lt_json_kv_str(j, "model", path);
    lt_json_kv_int(j, "iterations", count);
    lt_json_kv_int(j, "first_inference_ns", lt_first_inference_ns(r));
    lt_json_kv_int(j, "load_ns", lt_load_ns(r));
    lt_json_kv_int(j, "min_ns", samples[0]);
    lt_json_kv_int(j, "median_ns", count % 2 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2);
    lt_json_kv_int(j, "mean_ns", (sum + count / 2) / count);
    lt_json_kv_int(j, "max_ns", samples[count - 1]);
    lt_json_kv_int(j, "wall_ns", lt_last_run_wall_ns(r));
    lt_json_end(j, stdout);
    free(samples);
    lt_close(r);
    return LT_OK;
}

/* Reads the manifest's model paths: one per line, blank lines and # comments skipped. */
static int run_manifest(const lt_cli *c, lt_json *j) {
    FILE *f = fopen(c->manifest, "r");
    if (f == NULL) {
        char msg[1024];
        snprintf(msg, sizeof msg, "cannot read manifest '%s': %s", c->manifest, strerror(errno));
        return print_error(j, NULL, LT_ERR_USAGE, msg);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int models = 0, status = LT_OK;
    while (status == LT_OK && (len = getline(&line, &cap, f)) >= 0) {
        if (memchr(line, '\0', (size_t)len) != NULL) {
            status = print_error(j, NULL, LT_ERR_USAGE, "manifest is not a text file (it contains NUL bytes)");
            break;
        }
        char *s = line, *e = line + len;
        while (s < e && (*s == ' ' || *s == '\t')) s++;
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
        *e = '\0';
        if (*s == '\0' || *s == '#') continue;
        models++;
        status = run_model(c, s, 1, j);
    }
    free(line);
    fclose(f);
    if (status == LT_OK && models == 0) {
        char msg[1024];
        snprintf(msg, sizeof msg, "manifest '%s' lists no models (one model path per line)", c->manifest);
        status = print_error(j, NULL, LT_ERR_USAGE, msg);
    }
    return status;
}

int main(int argc, char **argv) {
    lt_json j = {0};
    lt_cli c;
    lt_error e = {LT_OK, ""};
    int status;
    if (lt_cli_parse(argc, argv, &c, &e) != LT_OK) {
        status = print_error(&j, NULL, e.code, e.message);
    } else if (c.version) {
        lt_json_begin(&j, "version");
        lt_json_kv_str(&j, "runner_version", lt_version());
        lt_json_kv_int(&j, "protocol_version", PROTOCOL_VERSION);
        lt_json_end(&j, stdout);
        status = LT_OK;
    } else if (c.manifest != NULL) {
        status = run_manifest(&c, &j);
    } else {
        status = run_model(&c, c.model, 0, &j);
    }
    lt_json_free(&j);
    return status;
}
