#include "runner.h"

#include <errno.h>
#include <time.h>

int64_t lt_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sleep_ms(double ms) {
    struct timespec ts;
    ts.tv_sec = (time_t)(ms / 1000.0);
    ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

lt_status lt_timing_loop(const lt_backend *backend, void *state, const lt_loop_settings *s, int64_t *samples,
                         int capacity, lt_loop_result *out, lt_error *err) {
    out->count = 0;
    out->first_ns = 0;
    out->wall_ns = 0;
    for (int i = 0; i < s->warmup; i++) {
        int64_t t0 = lt_now_ns();
        if (backend->invoke(state, err) != LT_OK) return err->code;
        if (i == 0) out->first_ns = lt_now_ns() - t0;
        if (backend->collect_op_times != NULL && backend->collect_op_times(state, err) != LT_OK) return err->code;
        if (s->delay_ms > 0) sleep_ms(s->delay_ms);
    }
    /* per-op times cover the timed inferences only, like the samples */
    if (backend->reset_op_times != NULL) backend->reset_op_times(state);
    int64_t min_ns = (int64_t)(s->min_seconds * 1e9);
    int64_t start = lt_now_ns();
    int n = 0;
    while (n < capacity && (n < s->iterations || lt_now_ns() - start < min_ns)) {
        /* Only the inference sits between the two clock reads; the delay and bookkeeping stay outside. */
        int64_t t0 = lt_now_ns();
        lt_status st = backend->invoke(state, err);
        int64_t t1 = lt_now_ns();
        if (st != LT_OK) {
            out->count = n;
            return st;
        }
        samples[n++] = t1 - t0;
        if (backend->collect_op_times != NULL && backend->collect_op_times(state, err) != LT_OK) {
            out->count = n;
            return err->code;
        }
        if (s->delay_ms > 0) sleep_ms(s->delay_ms);
    }
    out->wall_ns = lt_now_ns() - start;
    out->count = n;
    if (s->warmup == 0 && n > 0) out->first_ns = samples[0];
    return LT_OK;
}
