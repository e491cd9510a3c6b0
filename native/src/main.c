/* ltrunner: the agent pushed to devices. Runs models through the C ABI and prints the JSON-lines protocol. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "json.h"
#include "ltrunner.h"
#include "outputs.h"
#include "records.h"
#include "rounds.h"

#define MAX_SAMPLES_WITH_MIN_SECONDS 1000000

static int run_model(const lt_cli *c, const char *path, int tag_model, lt_json *j) {
    const char *tag = tag_model ? path : NULL;
    lt_options o = {c->backend, c->threads, c->cpus, c->precision};
    int status;
    char msg[1024];
    lt_runner *r = lt_open(path, &o, &status, msg, sizeof msg);
    if (r == NULL) return lt_rec_error(j, tag ? tag : (status == LT_ERR_USAGE ? NULL : path), status, msg);
    lt_rec_header(j, c, r, path, tag_model);

    int capacity = c->min_seconds > 0 && c->iterations < MAX_SAMPLES_WITH_MIN_SECONDS ? MAX_SAMPLES_WITH_MIN_SECONDS
                                                                                       : c->iterations;
    int64_t *samples = malloc((size_t)capacity * sizeof *samples);
    if (samples == NULL) {
        lt_close(r);
        return lt_rec_error(j, path, LT_ERR_RUNTIME, "out of memory for the sample buffer");
    }
    int count = 0;
    status = lt_run(r, c->warmup, c->iterations, c->min_seconds, c->delay_ms, samples, capacity, &count);
    if (status != LT_OK) {
        snprintf(msg, sizeof msg, "%s", lt_last_error(r));
        free(samples);
        lt_close(r);
        return lt_rec_error(j, path, status, msg);
    }
    lt_rec_samples(j, c, path, samples, count, 0, -1);
    lt_rec_ops(j, c, r, path, NULL);
    lt_rec_summary(j, r, path, samples, count, lt_last_run_wall_ns(r), lt_first_inference_ns(r));
    free(samples);
    lt_close(r);
    return LT_OK;
}

/* Reads the manifest's model paths: one per line, blank lines and # comments skipped. Without --rounds each model
 * runs in turn (header, samples, ops, summary); with it they are interleaved (rounds.c). */
static int run_manifest(const lt_cli *c, lt_json *j) {
    FILE *f = fopen(c->manifest, "r");
    if (f == NULL) {
        char msg[1024];
        snprintf(msg, sizeof msg, "cannot read manifest '%s': %s", c->manifest, strerror(errno));
        return lt_rec_error(j, NULL, LT_ERR_USAGE, msg);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    char **paths = NULL;
    int models = 0, cap_paths = 0, status = LT_OK;
    while (status == LT_OK && (len = getline(&line, &cap, f)) >= 0) {
        if (memchr(line, '\0', (size_t)len) != NULL) {
            status = lt_rec_error(j, NULL, LT_ERR_USAGE, "manifest is not a text file (it contains NUL bytes)");
            break;
        }
        char *s = line, *e = line + len;
        while (s < e && (*s == ' ' || *s == '\t')) s++;
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
        *e = '\0';
        if (*s == '\0' || *s == '#') continue;
        if (c->rounds == 1) {
            models++;
            status = run_model(c, s, 1, j);
            continue;
        }
        if (models == cap_paths) {
            int grown_cap = cap_paths ? cap_paths * 2 : 16;
            char **grown = realloc(paths, (size_t)grown_cap * sizeof *grown);
            if (grown == NULL) {
                status = lt_rec_error(j, NULL, LT_ERR_RUNTIME, "out of memory reading the manifest");
                break;
            }
            paths = grown;
            cap_paths = grown_cap;
        }
        paths[models] = strdup(s);
        if (paths[models] == NULL) {
            status = lt_rec_error(j, NULL, LT_ERR_RUNTIME, "out of memory reading the manifest");
            break;
        }
        models++;
    }
    free(line);
    fclose(f);
    if (status == LT_OK && models == 0) {
        char msg[1024];
        snprintf(msg, sizeof msg, "manifest '%s' lists no models (one model path per line)", c->manifest);
        status = lt_rec_error(j, NULL, LT_ERR_USAGE, msg);
    }
    for (int a = 0; status == LT_OK && c->rounds > 1 && a < models; a++) {
        for (int b = a + 1; b < models; b++) {
            if (strcmp(paths[a], paths[b]) == 0) {
                char msg[1024];
                snprintf(msg, sizeof msg, "manifest lists '%.900s' twice: with --rounds every model is listed once",
                         paths[a]);
                status = lt_rec_error(j, NULL, LT_ERR_USAGE, msg);
                break;
            }
        }
    }
    if (status == LT_OK && c->rounds > 1) status = lt_run_rounds(c, (const char *const *)paths, models, 1, j);
    for (int i = 0; i < models && paths != NULL; i++) free(paths[i]);
    free(paths);
    return status;
}

int main(int argc, char **argv) {
    lt_json j = {0};
    lt_cli c;
    lt_error e = {LT_OK, ""};
    int status;
    if (lt_cli_parse(argc, argv, &c, &e) != LT_OK) {
        status = lt_rec_error(&j, NULL, e.code, e.message);
    } else if (c.version) {
        lt_json_begin(&j, "version");
        lt_json_kv_str(&j, "runner_version", lt_version());
        lt_json_kv_int(&j, "protocol_version", LT_PROTOCOL_VERSION);
        lt_json_end(&j, stdout);
        status = LT_OK;
    } else if (c.outputs != NULL) {
        status = lt_write_outputs(&c, &j);
    } else if (c.manifest != NULL) {
        status = run_manifest(&c, &j);
    } else if (c.rounds > 1) {
        status = lt_run_rounds(&c, &c.model, 1, 0, &j);
    } else {
        status = run_model(&c, c.model, 0, &j);
    }
    lt_json_free(&j);
    return status;
}
