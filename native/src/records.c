/* The agent's JSON-lines records (native/README.md): header, samples, op, summary, error. */
#include "records.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cpulist.h"

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

int lt_rec_error(lt_json *j, const char *model, int status, const char *message) {
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

void lt_rec_header(lt_json *j, const lt_cli *c, lt_runner *r, const char *path, int tagged) {
    lt_json_begin(j, "header");
    if (tagged) lt_json_kv_str(j, "model", path);
    lt_json_kv_int(j, "protocol_version", LT_PROTOCOL_VERSION);
    lt_json_kv_str(j, "runner_version", lt_version());
    lt_json_kv_str(j, "engine", lt_engine(r));
    lt_json_kv_str(j, "backend", c->backend);
    lt_json_kv_str(j, "precision", c->precision == LT_PRECISION_FP16 ? "fp16" : "fp32");
    if (!tagged) lt_json_kv_str(j, "model", path);
    lt_json_kv_str(j, "model_sha256", lt_model_sha256(r));
    lt_json_kv_int(j, "load_ns", lt_load_ns(r));
    lt_json_kv_int(j, "threads", c->threads);
    print_cpus(j, c->cpus);
    print_cpu_info(j);
    print_tensors(j, r, "inputs", 0);
    print_tensors(j, r, "outputs", 1);
    lt_json_end(j, stdout);
}

void lt_rec_samples(lt_json *j, const lt_cli *c, const char *path, const int64_t *samples, int count, int offset,
                    int round) {
    for (int off = 0; off < count; off += c->batch_size) {
        int n = count - off < c->batch_size ? count - off : c->batch_size;
        lt_json_begin(j, "samples");
        lt_json_kv_str(j, "model", path);
        lt_json_kv_int(j, "offset", offset + off);
        if (round >= 0) lt_json_kv_int(j, "round", round);
        lt_json_key(j, "ns");
        lt_json_raw(j, "[");
        for (int k = 0; k < n; k++) {
            if (k) lt_json_raw(j, ",");
            lt_json_int(j, samples[off + k]);
        }
        lt_json_raw(j, "]");
        lt_json_end(j, stdout);
    }
}

void lt_rec_round(lt_json *j, int round) {
    lt_json_begin(j, "round");
    lt_json_kv_int(j, "round", round);
    lt_json_end(j, stdout);
}

void lt_rec_ops(lt_json *j, const lt_cli *c, lt_runner *r, const char *path, const int64_t *mean_ns) {
    for (int i = 0; i < lt_op_count(r); i++) {
        const char *node, *op;
        int64_t mean;
        if (lt_op_timing(r, i, &node, &op, &mean) != LT_OK) continue;
        lt_json_begin(j, "op");
        lt_json_kv_str(j, "model", path);
        lt_json_kv_str(j, "node", node);
        lt_json_kv_str(j, "op_type", op);
        lt_json_kv_int(j, "ns", mean_ns != NULL ? mean_ns[i] : mean);
        lt_json_key(j, "device_time");
        lt_json_bool(j, strcmp(c->backend, "gpu") == 0);
        lt_json_end(j, stdout);
    }
}

void lt_rec_summary(lt_json *j, lt_runner *r, const char *path, int64_t *samples, int count, int64_t wall_ns,
                    int64_t first_inference_ns) {
    int64_t sum = 0;
    for (int k = 0; k < count; k++) sum += samples[k];
    qsort(samples, (size_t)count, sizeof *samples, cmp_i64);
    lt_json_begin(j, "summary");
    lt_json_kv_str(j, "model", path);
    lt_json_kv_int(j, "iterations", count);
    lt_json_kv_int(j, "first_inference_ns", first_inference_ns);
    lt_json_kv_int(j, "load_ns", lt_load_ns(r));
    lt_json_kv_int(j, "min_ns", samples[0]);
    lt_json_kv_int(j, "median_ns", count % 2 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2);
    lt_json_kv_int(j, "mean_ns", (sum + count / 2) / count);
    lt_json_kv_int(j, "max_ns", samples[count - 1]);
    lt_json_kv_int(j, "wall_ns", wall_ns);
    lt_json_end(j, stdout);
}
