/* Interleaved rounds: drift over the measurement (other tenants, temperature, governors) reaches every model
 * alike, because each round gives every model a short block of samples. The host decides the order of the visits
 * (--order); without one every round visits the models as listed. */
#include "rounds.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ltrunner.h"
#include "records.h"

/* Samples one visit may take when --min-seconds stretches it (as for one model run). */
#define MAX_VISIT_SAMPLES 1000000

typedef struct model_run {
    lt_runner *runner;
    int64_t *samples;   /* every sample of this model, in the order taken */
    int count, cap;
    int64_t wall_ns;
    int64_t first_inference_ns;
    double *op_weighted;  /* per op: sum over visits of its mean (ns) x the visit's samples */
} model_run;

static void close_all(model_run *m, int n) {
    for (int i = 0; i < n; i++) {
        if (m[i].runner != NULL) lt_close(m[i].runner);
        free(m[i].samples);
        free(m[i].op_weighted);
    }
    free(m);
}

static int append(model_run *m, const int64_t *v, int count) {
    if (m->count + count > m->cap) {
        int cap = m->cap ? m->cap : 1024;
        while (cap < m->count + count) cap *= 2;
        int64_t *grown = realloc(m->samples, (size_t)cap * sizeof *grown);
        if (grown == NULL) return -1;
        m->samples = grown;
        m->cap = cap;
    }
    memcpy(m->samples + m->count, v, (size_t)count * sizeof *v);
    m->count += count;
    return 0;
}

/* Adds one visit's per-op means, weighted by its samples, so the op lines describe every visit. */
static int add_op_times(model_run *m, int samples) {
    int ops = lt_op_count(m->runner);
    if (ops <= 0) return 0;
    if (m->op_weighted == NULL) {
        m->op_weighted = calloc((size_t)ops, sizeof *m->op_weighted);
        if (m->op_weighted == NULL) return -1;
    }
    for (int k = 0; k < ops; k++) {
        const char *node, *op;
        int64_t mean;
        if (lt_op_timing(m->runner, k, &node, &op, &mean) == LT_OK) m->op_weighted[k] += (double)mean * samples;
    }
    return 0;
}

/* Reads --order: one line per round (blank lines and # comments skipped), each the 0-based indices of all n models
 * once, in visiting order. Fills order[round * n + k]; returns a status with the problem in msg. */
static int read_order(const lt_cli *c, int n, int *order, char *msg, size_t cap) {
    FILE *f = fopen(c->order, "r");
    if (f == NULL) {
        snprintf(msg, cap, "cannot read --order '%.900s': %s", c->order, strerror(errno));
        return LT_ERR_USAGE;
    }
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    int rounds = 0, status = LT_OK;
    char *seen = calloc((size_t)n, 1);
    if (seen == NULL) status = LT_ERR_RUNTIME;
    while (status == LT_OK && (len = getline(&line, &line_cap, f)) >= 0) {
        char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (*s == '\0' || *s == '\n' || *s == '\r' || *s == '#') continue;
        if (rounds == c->rounds) {
            snprintf(msg, cap, "--order '%.900s' has more rounds than --rounds %d", c->order, c->rounds);
            status = LT_ERR_USAGE;
            break;
        }
        memset(seen, 0, (size_t)n);
        for (int k = 0; k < n; k++) {
            char *end;
            errno = 0;
            long v = strtol(s, &end, 10);
            if (end == s || errno != 0 || v < 0 || v >= n || seen[v]) {
                snprintf(msg, cap, "--order round %d: give each model index 0..%d exactly once, separated by blanks",
                         rounds, n - 1);
                status = LT_ERR_USAGE;
                break;
            }
            seen[v] = 1;
            order[rounds * n + k] = (int)v;
            s = end;
        }
        while (status == LT_OK && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) s++;
        if (status == LT_OK && *s != '\0') {
            snprintf(msg, cap, "--order round %d lists more than the %d models", rounds, n);
            status = LT_ERR_USAGE;
        }
        rounds++;
    }
    if (status == LT_OK && rounds != c->rounds) {
        snprintf(msg, cap, "--order '%.900s' has %d rounds, --rounds says %d", c->order, rounds, c->rounds);
        status = LT_ERR_USAGE;
    }
    if (status == LT_ERR_RUNTIME) snprintf(msg, cap, "out of memory reading --order");
    free(seen);
    free(line);
    fclose(f);
    return status;
}

int lt_run_rounds(const lt_cli *c, const char *const *paths, int n, int tagged, lt_json *j) {
    model_run *m = calloc((size_t)n, sizeof *m);
    int visit_cap = c->min_seconds > 0 && c->iterations < MAX_VISIT_SAMPLES ? MAX_VISIT_SAMPLES : c->iterations;
    int64_t *visit = malloc((size_t)visit_cap * sizeof *visit);
    int *order = malloc((size_t)c->rounds * (size_t)n * sizeof *order);
    if (m == NULL || visit == NULL || order == NULL) {
        free(m);
        free(visit);
        free(order);
        return lt_rec_error(j, NULL, LT_ERR_RUNTIME, "out of memory for the runs of the manifest");
    }
    char msg[1024];
    int status = LT_OK;
    for (int r = 0; r < c->rounds; r++) {
        for (int k = 0; k < n; k++) order[r * n + k] = k;
    }
    /* a bad order is the caller's mistake: refuse it before any model is opened */
    if (c->order != NULL) status = read_order(c, n, order, msg, sizeof msg);
    if (status != LT_OK) {
        free(m);
        free(visit);
        free(order);
        return lt_rec_error(j, NULL, status, msg);
    }
    lt_options o = {c->backend, c->threads, c->cpus, c->precision};
    for (int i = 0; i < n; i++) {
        m[i].runner = lt_open(paths[i], &o, &status, msg, sizeof msg);
        if (m[i].runner == NULL) {
            free(visit);
            free(order);
            close_all(m, n);
            return lt_rec_error(j, tagged ? paths[i] : (status == LT_ERR_USAGE ? NULL : paths[i]), status, msg);
        }
        lt_rec_header(j, c, m[i].runner, paths[i], tagged);
    }
    double visit_seconds = c->min_seconds / c->rounds;
    for (int round = 0; round < c->rounds; round++) {
        lt_rec_round(j, round);
        for (int k = 0; k < n; k++) {
            int i = order[round * n + k];
            int count = 0;
            /* after another model ran, caches and predictors hold its state: one untimed inference re-warms */
            int warm = round == 0 ? c->warmup : (c->warmup > 0 ? 1 : 0);
            status = lt_run(m[i].runner, warm, c->iterations, visit_seconds, c->delay_ms, visit, visit_cap, &count);
            if (status != LT_OK) {
                snprintf(msg, sizeof msg, "%s (round %d)", lt_last_error(m[i].runner), round);
                free(visit);
                free(order);
                close_all(m, n);
                return lt_rec_error(j, paths[i], status, msg);
            }
            if (round == 0) m[i].first_inference_ns = lt_first_inference_ns(m[i].runner);
            if (add_op_times(&m[i], count) != 0) {
                free(visit);
                free(order);
                close_all(m, n);
                return lt_rec_error(j, paths[i], LT_ERR_RUNTIME, "out of memory for the op times");
            }
            m[i].wall_ns += lt_last_run_wall_ns(m[i].runner);
            lt_rec_samples(j, c, paths[i], visit, count, m[i].count, round);
            if (append(&m[i], visit, count) != 0) {
                free(visit);
                free(order);
                close_all(m, n);
                return lt_rec_error(j, paths[i], LT_ERR_RUNTIME, "out of memory for the samples");
            }
        }
    }
    free(visit);
    free(order);
    for (int i = 0; i < n; i++) {
        int ops = lt_op_count(m[i].runner);
        int64_t *means = ops > 0 ? malloc((size_t)ops * sizeof *means) : NULL;
        for (int k = 0; means != NULL && k < ops; k++) {
            means[k] = m[i].count > 0 ? (int64_t)(m[i].op_weighted[k] / m[i].count + 0.5) : 0;
        }
        lt_rec_ops(j, c, m[i].runner, paths[i], means);
        free(means);
        lt_rec_summary(j, m[i].runner, paths[i], m[i].samples, m[i].count, m[i].wall_ns, m[i].first_inference_ns);
    }
    close_all(m, n);
    return LT_OK;
}
