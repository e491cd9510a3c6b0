/* The runner's C ABI, loaded through JNA on the host (device-agents: agents.runner.LtRunnerLibrary) and used by
 * the ltrunner executable on devices. No global mutable state: every call works on its own handle. */
#ifndef LTRUNNER_H
#define LTRUNNER_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes, the one list: X(name, value, protocol code of the error record). The ltrunner executable exits
 * with the same numbers (native/README.md). */
#define LT_STATUS_CODES(X)                                                                                   \
    X(LT_OK, 0, "ok")                                                                                        \
    X(LT_ERR_USAGE, 2, "usage")                 /* bad argument: unknown backend, bad cpu list, bad count */  \
    X(LT_ERR_MODEL, 3, "model")                 /* model missing, unreadable, truncated, corrupt, bad input */ \
    X(LT_ERR_UNSUPPORTED, 4, "unsupported")     /* an op or attribute the backend cannot run */               \
    X(LT_ERR_BACKEND_UNAVAILABLE, 5, "backend_unavailable") /* the engine or device is missing (no OpenCL) */  \
    X(LT_ERR_RUNTIME, 6, "runtime")             /* failure while running, affinity refused, out of memory, io */

#define LT_STATUS_ENUMERATOR(name, value, code) name = value,
typedef enum lt_status { LT_STATUS_CODES(LT_STATUS_ENUMERATOR) } lt_status;
#undef LT_STATUS_ENUMERATOR

typedef enum lt_precision {
    LT_PRECISION_FP32 = 0,
    LT_PRECISION_FP16 = 1
} lt_precision;

typedef struct lt_options {
    const char *backend;     /* "cpu" or "gpu" */
    int threads;             /* >= 1; 0 means 1 */
    const char *cpus;        /* Linux cpu list ("4-7", "0,2"), or NULL: no affinity. Applied to the calling thread
                                and the backend's workers for the handle's lifetime. */
    int precision;           /* lt_precision */
} lt_options;

typedef struct lt_runner lt_runner;

/* The runner version, e.g. "0.1.0". */
const char *lt_version(void);

/* Opens a model for a backend. Returns NULL on failure; then *status_out and the message copied into
 * err_buf (NUL-terminated, at most err_len bytes) say why. status_out and err_buf may be NULL. */
lt_runner *lt_open(const char *model_path, const lt_options *options, int *status_out, char *err_buf, size_t err_len);

/* Runs `warmup` untimed inferences, then timed ones until both `iterations` ran and `min_seconds` passed, or
 * `capacity` samples were taken. Each sample is CLOCK_MONOTONIC_RAW ns around one inference. delay_ms sleeps
 * between inferences (not timed). Writes the number of samples to *count_out. Returns a status. */
int lt_run(lt_runner *runner, int warmup, int iterations, double min_seconds, double delay_ms,
           int64_t *samples_ns, int capacity, int *count_out);

/* Per-op device or host time of the last lt_run, averaged per inference (ns). Returns how many ops have timings
 * (0 when the backend cannot give them); fills at most cap entries. Strings stay valid until lt_close. */
int lt_op_count(lt_runner *runner);
int lt_op_timing(lt_runner *runner, int index, const char **node, const char **op_type, int64_t *mean_ns);

/* Inputs and outputs, NCHW float32. */
int lt_input_count(lt_runner *runner);
int lt_output_count(lt_runner *runner);
/* Rank and dims (up to 6) of input/output `index`; name valid until lt_close. Returns status. */
int lt_input_info(lt_runner *runner, int index, const char **name, int *rank, int64_t *dims);
int lt_output_info(lt_runner *runner, int index, const char **name, int *rank, int64_t *dims);
int lt_set_input(lt_runner *runner, int index, const float *data, size_t count);
/* Runs one untimed inference with the current inputs. */
int lt_invoke(lt_runner *runner);
int lt_get_output(lt_runner *runner, int index, float *data, size_t count);

/* Description of the engine ("xnnpack ...", "opencl: platform / device") and the model's sha256. */
const char *lt_engine(lt_runner *runner);
const char *lt_model_sha256(lt_runner *runner);
/* Nanoseconds lt_open took (load + compile). */
int64_t lt_load_ns(lt_runner *runner);
/* Of the last lt_run: the first inference (first warmup one, or the first sample without warmup) and the timed
 * loop's wall time, in ns; 0 before any run. */
int64_t lt_first_inference_ns(lt_runner *runner);
int64_t lt_last_run_wall_ns(lt_runner *runner);

/* The message of the last failed call on this handle ("" when none). */
const char *lt_last_error(lt_runner *runner);

void lt_close(lt_runner *runner);

#ifdef __cplusplus
}
#endif

#endif
