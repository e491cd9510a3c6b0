/* Internal to the gpu backend (backend-opencl.c and opencl-*.c): its state and the helpers its parts share.
 * Device selection and the program (opencl-device.c), buffers and kernel steps (opencl-steps.c), op compilation
 * (opencl-ops.c), lifecycle and running (backend-opencl.c). */
#ifndef LT_OPENCL_BUILD_H
#define LT_OPENCL_BUILD_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "opencl/cl_api.h"
#include "opencl/fp16.h"
#include "opencl/fusion.h"

extern const unsigned char lt_opencl_kernels_cl[];
extern const size_t lt_opencl_kernels_cl_size;

#define MAX_ARGS 24

/* One kernel launch. Arguments are recorded while compiling and set once the program is built. */
typedef struct cl_step {
    char kernel_name[32];
    int n_args;
    size_t arg_size[MAX_ARGS];
    unsigned char arg_value[MAX_ARGS][16];
    cl_kernel kernel;
    cl_uint dims;
    size_t global[3];        /* rounded up to whole work-groups */
    size_t local[3];
    int node;                /* node the kernel's time is attributed to */
} cl_step;

typedef struct cl_state {
    lt_cl_api api;
    const lt_model *model;
    int half;
    size_t elem;             /* bytes per stored element: 4 or 2 */
    cl_device_id device;
    cl_context context;
    cl_command_queue queue;
    cl_program program;
    cl_mem *tensor_mem;      /* per tensor; NULL when not materialised */
    int *alias;              /* tensor whose buffer this tensor views, or -1 */
    cl_mem *owned;           /* every buffer this state created */
    int n_owned, cap_owned;
    cl_step *steps;
    int n_steps, cap_steps;
    cl_event *events;        /* one per step of the last invoke, until collected or dropped */
    int n_events;
    void **input_host;       /* staging, in the device's element type */
    void **output_host;
    uint64_t *node_ns;
    uint64_t *node_count;
    unsigned char *node_timed;
    lt_cl_fused *fused;
    char engine[512];
} cl_state;

/* A kernel argument as clSetKernelArg takes it; A_* build them in place. */
typedef struct karg {
    size_t size;
    const void *value;
} karg;

#define A_MEM(m) {sizeof(cl_mem), &(m)}
#define A_INT(v) {sizeof(cl_int), &(cl_int){(cl_int)(v)}}
#define A_FLT(v) {sizeof(cl_float), &(cl_float){(cl_float)(v)}}
#define A_INT4(a, b, c, d) {sizeof(cl_int4), &(cl_int4){{(cl_int)(a), (cl_int)(b), (cl_int)(c), (cl_int)(d)}}}

/* opencl-device.c: errors, device selection, queue and program */
lt_status gb_cl_check(cl_state *st, cl_int rc, const char *call, const char *context, lt_error *err);
int64_t gb_elements_of(const lt_tensor *t);
lt_status gb_pick_device(cl_state *st, lt_error *err);
lt_status gb_check_fp16(cl_state *st, lt_error *err);
lt_status gb_create_queue(cl_state *st, lt_error *err);
lt_status gb_build_program(cl_state *st, lt_error *err);

/* opencl-steps.c: buffers, kernel steps and work-group sizes */
lt_status gb_new_buffer(cl_state *st, size_t bytes, const void *init, cl_mem *out, lt_error *err);
lt_status gb_upload(cl_state *st, const float *data, size_t count, cl_mem *out, lt_error *err);
int gb_root_of(const cl_state *st, int t);
lt_status gb_tensor_buffer(cl_state *st, int t, cl_mem *out, lt_error *err);
lt_status gb_add_step(cl_state *st, int node, const char *kernel_name, const karg *args, int n_args, cl_uint dims,
                          size_t g0, size_t g1, size_t g2, lt_error *err);
lt_status gb_create_kernels(cl_state *st, lt_error *err);

/* opencl-ops.c: op compilation into kernel steps */
lt_status gb_unsupported(const lt_node *node, lt_error *err, const char *why);
lt_status gb_compile_node(cl_state *st, int index, lt_error *err);

#endif
