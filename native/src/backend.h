/* A backend compiles an lt_model for one engine and runs single inferences. One file per backend fills an
 * lt_backend table (backend-xnnpack.c: "cpu", backend-opencl.c: "gpu"); the timing loop (runner.c) stays generic.
 * Phases: open (compile, allocate every buffer) -> set_input -> invoke (timed) -> get_output -> close. */
#ifndef LTRUNNER_BACKEND_H
#define LTRUNNER_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "model.h"

typedef struct lt_backend_options {
    int threads;             /* >= 1 */
    lt_precision precision;  /* LT_PRECISION_FP32 or LT_PRECISION_FP16 */
} lt_backend_options;

/* Per-op time summed over the inferences since the last reset_op_times; ns is device time where the backend
 * measures on the device (OpenCL profiling events). node and op_type point into the model (valid until close). */
typedef struct lt_backend_op_time {
    const char *node;
    const char *op_type;
    uint64_t total_ns;
    uint64_t count;          /* inferences that contributed */
} lt_backend_op_time;

typedef struct lt_backend {
    const char *name;        /* "cpu", "gpu" */
    /* Compiles the model. The model outlives the state. Returns NULL and fills err
     * (LT_ERR_BACKEND_UNAVAILABLE when the engine or device is missing, LT_ERR_UNSUPPORTED naming the node). */
    void *(*open)(const lt_model *model, const lt_backend_options *options, lt_error *err);
    /* Engine description for the header, e.g. "xnnpack 2022-02-16" or "opencl: <platform> / <device>". */
    const char *(*engine)(void *state);
    /* Inputs and outputs are NCHW float32, indexed as in lt_model.inputs / outputs. */
    lt_status (*set_input)(void *state, int index, const float *data, size_t count, lt_error *err);
    /* One inference; returns when its outputs are complete (for OpenCL: after clFinish). */
    lt_status (*invoke)(void *state, lt_error *err);
    lt_status (*get_output)(void *state, int index, float *data, size_t count, lt_error *err);
    /* Optional: reads the per-op times of the last invoke into the op-time sums. The timing loop calls it after
     * each inference's closing clock read, so this bookkeeping (e.g. OpenCL profiling queries) is never inside a
     * sample. An invoke whose times were not collected has them dropped by the next invoke. */
    lt_status (*collect_op_times)(void *state, lt_error *err);
    /* Optional (NULL when the backend cannot time ops). Fills up to cap entries, returns how many exist. */
    int (*op_times)(void *state, lt_backend_op_time *out, int cap);
    void (*reset_op_times)(void *state);
    void (*close)(void *state);
} lt_backend;

extern const lt_backend lt_backend_xnnpack;
extern const lt_backend lt_backend_opencl;

#endif
