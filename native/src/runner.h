/* The timing loop shared by the ABI (lt_run) and so by the executable and the JNA path. */
#ifndef LTRUNNER_RUNNER_H
#define LTRUNNER_RUNNER_H

#include <stdint.h>

#include "backend.h"

typedef struct lt_loop_settings {
    int warmup;
    int iterations;
    double min_seconds;
    double delay_ms;
} lt_loop_settings;

typedef struct lt_loop_result {
    int count;                 /* samples taken */
    int64_t first_ns;          /* the first inference (first warmup one, or the first sample) */
    int64_t wall_ns;           /* the timed loop's wall time, delays included */
} lt_loop_result;

/* Monotonic raw clock in ns. */
int64_t lt_now_ns(void);

/* Runs warmup inferences, then timed ones until iterations ran and min_seconds passed, or capacity is full. */
lt_status lt_timing_loop(const lt_backend *backend, void *state, const lt_loop_settings *s, int64_t *samples,
                         int capacity, lt_loop_result *out, lt_error *err);

#endif
