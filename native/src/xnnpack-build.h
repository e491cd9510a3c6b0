/* Internal to the cpu backend (backend-xnnpack.c and xnnpack-*.c): the compile state and the helpers its parts
 * share. Planning of layouts and segments (xnnpack-plan.c), depthwise handling (xnnpack-depthwise.c), op
 * compilation (xnnpack-ops.c), lifecycle and running (backend-xnnpack.c). */
#ifndef LT_XNNPACK_BUILD_H
#define LT_XNNPACK_BUILD_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthreadpool.h>
#include <xnnpack.h>

#include "backend.h"
#include "dwconv.h"
#include "layout.h"

#ifndef LT_XNNPACK_VERSION
#define LT_XNNPACK_VERSION "unknown"
#endif

typedef struct variant {
    int tensor;
    int rank;
    int perm[LT_MAX_RANK];     /* physical axis j holds logical axis perm[j] */
    int64_t pdims[LT_MAX_RANK];
    int seg;
    uint32_t id;
    int alias_of;              /* another variant sharing the same memory (Transpose relabels), or -1 */
    int ext_input;             /* defined as an external input of seg (graph input or bridged value) */
    float *buf;                /* host memory of an external value */
} variant;

typedef struct segment {
    xnn_subgraph_t sg;
    xnn_runtime_t rt;
    uint32_t n_ext;
    struct xnn_external_value *ext;
    uint32_t cap_ext;
} segment;

typedef enum step_kind { STEP_RUN, STEP_TRANSPOSE, STEP_DWCONV } step_kind;

typedef struct step {
    step_kind kind;
    int seg;                   /* STEP_RUN */
    int src, dst;              /* STEP_TRANSPOSE, STEP_DWCONV: variant indices */
    lt_dwconv *dw;             /* STEP_DWCONV: shape and weights (owned by the state) */
} step;

typedef struct xnn_state {
    const lt_model *model;
    pthreadpool_t pool;
    uint32_t runtime_flags;
    int pass;                  /* 1: planning, 2: final */
    unsigned char *ext_flags;  /* per variant, from pass 1: must be an external output */
    int cap_ext_flags;
    uint32_t *seg_ext_counts;  /* per segment, from pass 1 */
    int cap_seg_counts;

    variant *vars;
    int n_vars, cap_vars;
    int *primary;              /* per tensor: first variant, or -1 */
    segment *segs;
    int n_segs, cap_segs;
    step *steps;
    int n_steps, cap_steps;
    void **owned;              /* constant data handed to XNNPACK; freed at close */
    int n_owned, cap_owned;
    char engine[128];
} xnn_state;

/* One window of a depthwise kernel split into XNNPACK-native pieces (xnnpack-depthwise.c). */
typedef struct dw_piece {
    int start, len;        /* window [start, start+len) of kernel taps on one axis (may reach outside [0, k)) */
    int own_lo, own_hi;    /* taps [own_lo, own_hi) belong to this window; the others are zero in it */
} dw_piece;

/* NHWC as a permutation of NCHW's logical axes: where rank-4 activations live */
extern const int xb_nhwc[4];

/* xnnpack-plan.c: planning: owned memory, segments, layouts and value variants */
void *xb_grow(void *p, int *cap, int need, size_t elem);
lt_status xb_xfail(lt_error *err, const char *what, const lt_node *n, enum xnn_status s);
float *xb_own(xnn_state *st, size_t floats);
void *xb_own_bytes(xnn_state *st, size_t bytes);
segment *xb_cur_seg(xnn_state *st);
lt_status xb_open_segment(xnn_state *st, lt_error *err);
int xb_root(const xnn_state *st, int v);
void xb_mark_ext(xnn_state *st, int v);
lt_status xb_new_variant(xnn_state *st, int tensor, const int *perm, int rank, float *ext_input_buf, int is_input,
                             int *out, lt_error *err);
lt_status xb_static_value(xnn_state *st, int rank, const int64_t *pdims, const float *data, uint32_t *id, lt_error *err);
lt_status xb_const_value(xnn_state *st, int t, int r, const int *perm, uint32_t *id, lt_error *err);
lt_status xb_use(xnn_state *st, int tensor, const int *perm, int *out, lt_error *err);
void xb_identity_perm(int *p, int r);
const int *xb_primary_perm(const xnn_state *st, int tensor);
lt_status xb_out_variant(xnn_state *st, const lt_node *n, const int *perm, int *out, lt_error *err);

/* xnnpack-depthwise.c: depthwise convolutions without a single-pass XNNPACK kernel */
int xb_dw_native_taps(int taps);
int xb_plan_dw_split(const lt_conv_params *p, dw_piece *rows, int *nr, dw_piece *cols, int *nc);
lt_status xb_compile_split_depthwise(xnn_state *st, const lt_node *n, const float *wd, uint32_t bid, uint32_t in_id,
                                         int out, const dw_piece *rows, int nr, const dw_piece *cols, int nc,
                                         lt_error *err);
lt_status xb_compile_host_depthwise(xnn_state *st, const lt_node *n, int in, const float *wd, const float *bd,
                                        lt_error *err);

/* xnnpack-ops.c: op compilation into XNNPACK subgraph nodes */
lt_status xb_compile_conv(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_unary(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_binary(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_gap(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_reshape(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_transpose(xnn_state *st, const lt_node *n, lt_error *err);
lt_status xb_compile_matmul(xnn_state *st, const lt_node *n, lt_error *err);

#endif
