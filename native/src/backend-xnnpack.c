/* "cpu" backend: the lt_model compiled to XNNPACK subgraphs (the kernels behind TFLite's CPU path).
 *
 * Layout: XNNPACK convolutions want NHWC, the model is NCHW. Every tensor gets a physical layout (a permutation of
 * its logical axes); rank-4 activations live as NHWC, Transpose only relabels axes, and Reshape keeps the layout
 * when the merged/split axes stay contiguous in memory. Where a real data movement is unavoidable (XNNPACK of this
 * snapshot has no transpose node), the subgraph is cut into segments and a host transpose runs between two
 * XNNPACK runtimes. Compilation runs twice: the first pass finds which values cross a segment boundary (those
 * must be declared external when defined), the second defines them so and creates the runtimes. */
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

static void *grow(void *p, int *cap, int need, size_t elem) {
    if (need <= *cap) return p;
    int c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    void *q = realloc(p, (size_t)c * elem);
    if (q == NULL) return NULL;
    memset((char *)q + (size_t)*cap * elem, 0, (size_t)(c - *cap) * elem);
    *cap = c;
    return q;
}

static lt_status xfail(lt_error *err, const char *what, const lt_node *n, enum xnn_status s) {
    if (n != NULL) {
        return lt_fail(err, s == xnn_status_unsupported_parameter || s == xnn_status_unsupported_hardware
                                ? LT_ERR_UNSUPPORTED : LT_ERR_RUNTIME,
                       "xnnpack: %s failed for %s node '%s' (status %d)", what, n->onnx_op, n->name, (int)s);
    }
    return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: %s failed (status %d)", what, (int)s);
}

static float *own(xnn_state *st, size_t floats) {
    void **o = grow(st->owned, &st->cap_owned, st->n_owned + 1, sizeof *o);
    if (o == NULL) return NULL;
    st->owned = o;
    float *p = calloc(floats + XNN_EXTRA_BYTES / sizeof(float) + 1, sizeof(float));
    if (p == NULL) return NULL;
    st->owned[st->n_owned++] = p;
    return p;
}

static void *own_bytes(xnn_state *st, size_t bytes) {
    return own(st, (bytes + sizeof(float) - 1) / sizeof(float)); /* calloc memory: aligned for any type */
}

static segment *cur_seg(xnn_state *st) { return &st->segs[st->n_segs - 1]; }

static lt_status open_segment(xnn_state *st, lt_error *err) {
    segment *s = grow(st->segs, &st->cap_segs, st->n_segs + 1, sizeof *s);
    if (s == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->segs = s;
    segment *seg = &st->segs[st->n_segs];
    memset(seg, 0, sizeof *seg);
    uint32_t reserve = st->pass == 2 ? st->seg_ext_counts[st->n_segs] : (uint32_t)(4 * st->model->n_tensors + 16);
    enum xnn_status xs = xnn_create_subgraph(reserve, 0, &seg->sg);
    if (xs != xnn_status_success) return xfail(err, "create_subgraph", NULL, xs);
    st->n_segs++;
    step *p = grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *p);
    if (p == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = p;
    st->steps[st->n_steps].kind = STEP_RUN;
    st->steps[st->n_steps].seg = st->n_segs - 1;
    st->n_steps++;
    return LT_OK;
}

static int root(const xnn_state *st, int v) {
    while (st->vars[v].alias_of >= 0) v = st->vars[v].alias_of;
    return v;
}

static int wants_ext(const xnn_state *st, int v) {
    return st->pass == 2 && v < st->cap_ext_flags && st->ext_flags[v];
}

static void mark_ext(xnn_state *st, int v) {
    v = root(st, v);
    if (st->pass == 1 && v < st->cap_ext_flags) st->ext_flags[v] = 1;
}

static lt_status register_ext(xnn_state *st, segment *seg, uint32_t id, float *buf, lt_error *err) {
    struct xnn_external_value *e = grow(seg->ext, (int *)&seg->cap_ext, (int)seg->n_ext + 1, sizeof *e);
    if (e == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    seg->ext = e;
    seg->ext[seg->n_ext].id = id;
    seg->ext[seg->n_ext].data = buf;
    seg->n_ext++;
    (void)st;
    return LT_OK;
}

/* Adds a variant of `tensor` in the current segment. ext_input_buf: define it as an external input reading that
 * buffer (NULL: an internal value, external output when pass 1 said so). */
static lt_status new_variant(xnn_state *st, int tensor, const int *perm, int rank, float *ext_input_buf, int is_input,
                             int *out, lt_error *err) {
    variant *vv = grow(st->vars, &st->cap_vars, st->n_vars + 1, sizeof *vv);
    if (vv == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->vars = vv;
    unsigned char *ef = grow(st->ext_flags, &st->cap_ext_flags, st->n_vars + 1, 1);
    if (ef == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->ext_flags = ef;
    int v = st->n_vars;
    variant *x = &st->vars[v];
    memset(x, 0, sizeof *x);
    const lt_tensor *t = &st->model->tensors[tensor];
    x->tensor = tensor;
    x->rank = rank;
    x->alias_of = -1;
    x->seg = st->n_segs - 1;
    size_t dims[LT_MAX_RANK];
    for (int i = 0; i < rank; i++) {
        x->perm[i] = perm[i];
        x->pdims[i] = t->dims[perm[i]];
        dims[i] = (size_t)x->pdims[i];
    }
    if (rank == 0) {
        dims[0] = 1;
        x->pdims[0] = 1;
    }
    segment *seg = cur_seg(st);
    uint32_t flags = 0, ext_id = XNN_INVALID_VALUE_ID;
    if (ext_input_buf != NULL || is_input) {
        flags = XNN_VALUE_FLAG_EXTERNAL_INPUT;
        x->ext_input = 1;
        x->buf = ext_input_buf;
    } else if (wants_ext(st, v)) {
        flags = XNN_VALUE_FLAG_EXTERNAL_OUTPUT;
        x->buf = own(st, (size_t)lt_tensor_elements(t));
        if (x->buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    }
    if (flags != 0) ext_id = seg->n_ext; /* ids below the subgraph's reserve count, in definition order */
    enum xnn_status xs = xnn_define_tensor_value(seg->sg, xnn_datatype_fp32, rank ? (size_t)rank : 1, dims, NULL,
                                                 ext_id, flags,
                                                 &x->id);
    if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: define value '%s' failed (%d)", t->name, (int)xs);
    if (flags != 0) {
        lt_status s = register_ext(st, seg, x->id, x->buf, err);
        if (s) return s;
    }
    st->n_vars++;
    if (st->primary[tensor] < 0) st->primary[tensor] = v;
    *out = v;
    return LT_OK;
}

/* A static (constant) value with the given physical dims and data (owned by st). */
static lt_status static_value(xnn_state *st, int rank, const int64_t *pdims, const float *data, uint32_t *id, lt_error *err) {
    size_t dims[LT_MAX_RANK];
    for (int i = 0; i < rank; i++) dims[i] = (size_t)pdims[i];
    if (rank == 0) dims[0] = 1;
    enum xnn_status xs = xnn_define_tensor_value(cur_seg(st)->sg, xnn_datatype_fp32, rank ? (size_t)rank : 1, dims, data,
                                                 XNN_INVALID_VALUE_ID, 0, id);
    if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: define constant failed (%d)", (int)xs);
    return LT_OK;
}

/* Constant tensor t padded with leading 1s to rank r and laid out physically by perm. */
static lt_status const_value(xnn_state *st, int t, int r, const int *perm, uint32_t *id, lt_error *err) {
    const lt_tensor *c = &st->model->tensors[t];
    int64_t ld[LT_MAX_RANK], pd[LT_MAX_RANK];
    for (int i = 0; i < r; i++) {
        int k = i - (r - c->rank);
        ld[i] = k >= 0 ? c->dims[k] : 1;
    }
    for (int i = 0; i < r; i++) pd[i] = ld[perm[i]];
    int64_t n = lt_tensor_elements(c);
    float *d = own(st, (size_t)n);
    if (d == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int ident[LT_MAX_RANK];
    for (int i = 0; i < r; i++) ident[i] = i;
    lt_layout_transpose(c->data, ld, ident, d, perm, r);
    return static_value(st, r, pd, d, id, err);
}

/* A variant of `tensor` usable in the current segment with physical layout `perm`; inserts a bridge (external
 * value shared with an earlier segment), a copy (same memory order, other dims) or a host transpose. */
static lt_status use(xnn_state *st, int tensor, const int *perm, int *out, lt_error *err) {
    const lt_tensor *t = &st->model->tensors[tensor];
    int r = t->rank, cur = st->n_segs - 1;
    int same_here = -1, same_before = -1, equiv = -1, any = -1;
    for (int v = 0; v < st->n_vars; v++) {
        const variant *x = &st->vars[v];
        if (x->tensor != tensor) continue;
        int same = memcmp(x->perm, perm, (size_t)r * sizeof *perm) == 0;
        if (same && x->seg == cur) same_here = v;
        else if (same && same_before < 0) same_before = v;
        else if (!same && equiv < 0 && lt_layout_same_memory(t->dims, x->perm, perm, r)) equiv = v;
        if (any < 0) any = v;
    }
    if (same_here >= 0) {
        *out = same_here;
        return LT_OK;
    }
    if (same_before >= 0) { /* bridge from an earlier segment */
        mark_ext(st, same_before);
        float *buf = st->vars[root(st, same_before)].buf;
        return new_variant(st, tensor, perm, r, buf, 1, out, err);
    }
    if (equiv >= 0) { /* same bytes in another shape: a reshape copy inside XNNPACK */
        int src;
        lt_status s = use(st, tensor, st->vars[equiv].perm, &src, err);
        if (s) return s;
        int dst;
        if ((s = new_variant(st, tensor, perm, r, NULL, 0, &dst, err))) return s;
        size_t nd[LT_MAX_RANK];
        for (int i = 0; i < r; i++) nd[i] = (size_t)st->vars[dst].pdims[i];
        enum xnn_status xs = xnn_define_static_reshape(cur_seg(st)->sg, r, nd, st->vars[src].id, st->vars[dst].id, 0);
        if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: relayout of '%s' failed (%d)", t->name, (int)xs);
        *out = dst;
        return LT_OK;
    }
    if (any < 0) return lt_fail(err, LT_ERR_RUNTIME, "internal: tensor '%s' used before it is computed", t->name);
    /* A real transpose: end this segment, transpose on the host, continue in a new segment. */
    mark_ext(st, any);
    step *p = grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *p);
    if (p == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = p;
    int step_index = st->n_steps++;
    lt_status s = open_segment(st, err);
    if (s) return s;
    float *buf = own(st, (size_t)lt_tensor_elements(t));
    if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int dst;
    if ((s = new_variant(st, tensor, perm, r, buf, 1, &dst, err))) return s;
    st->steps[step_index].kind = STEP_TRANSPOSE;
    st->steps[step_index].src = any;
    st->steps[step_index].dst = dst;
    *out = dst;
    return LT_OK;
}

static void identity_perm(int *p, int r) {
    for (int i = 0; i < r; i++) p[i] = i;
}

static const int NHWC[4] = {0, 2, 3, 1};

/* The layout a node's variable input currently has (its first variant). */
static const int *primary_perm(const xnn_state *st, int tensor) { return st->vars[st->primary[tensor]].perm; }

static lt_status out_variant(xnn_state *st, const lt_node *n, const int *perm, int *out, lt_error *err) {
    const lt_tensor *t = &st->model->tensors[n->output];
    return new_variant(st, n->output, perm, t->rank, NULL, 0, out, err);
}

/* This XNNPACK snapshot has single-pass depthwise kernels for exactly 9 and 25 taps (3x3, 5x5); any other size
 * (7x7 in LightTrack) falls back to a grouped GEMM convolution about 30x slower. In fp32 (multiplier 1) such a
 * kernel runs as one host pass (compile_host_depthwise); fp16 runs, and other multipliers, use a sum of up
 * to 2x2 depthwise convolutions over 3x3 or 5x5 windows of the kernel, zero where a tap belongs to another window
 * or lies outside the kernel. A window shifted by `start` taps reads the input with its pads reduced by that
 * shift, so it needs pads >= the shift (true for "same" padding); otherwise the direct path stays. */
typedef struct dw_piece {
    int start, len;        /* window [start, start+len) of kernel taps on one axis (may reach outside [0, k)) */
    int own_lo, own_hi;    /* taps [own_lo, own_hi) belong to this window; the others are zero in it */
} dw_piece;

static int dw_native_taps(int taps) { return taps == 9 || taps == 25; }

/* Covers [0, k) with n windows of length len whose pads stay >= 0; returns 0 when impossible. */
static int plan_axis(int k, int lo, int hi, int d, int len, int n, dw_piece *out) {
    int a_min = k - len - hi / d, a_max = lo / d; /* pads lo - a*d >= 0 and hi - (k - a - len)*d >= 0 */
    for (int a1 = a_min; a1 <= a_max && a1 <= 0; a1++) {
        if (n == 1) {
            if (a1 + len >= k) {
                out[0] = (dw_piece){a1, len, 0, k};
                return 1;
            }
            continue;
        }
        for (int a2 = a1 + 1; a2 <= a_max && a2 <= a1 + len; a2++) {
            if (a2 + len >= k && a1 + len < k) {
                out[0] = (dw_piece){a1, len, 0, a1 + len};
                out[1] = (dw_piece){a2, len, a1 + len, k};
                return 1;
            }
        }
    }
    return 0;
}

/* The cheapest window plan (fewest taps computed); 0 when none fits the pads. */
static int plan_dw_split(const lt_conv_params *p, dw_piece *rows, int *nr, dw_piece *cols, int *nc) {
    static const int lens[2] = {5, 3};
    int best = 0;
    for (int li = 0; li < 2; li++) {
        for (int r = 1; r <= 2; r++) {
            for (int c = 1; c <= 2; c++) {
                dw_piece tr[2], tc[2];
                int cost = r * c * lens[li] * lens[li];
                if (best != 0 && cost >= best) continue;
                if (!plan_axis(p->kernel_h, p->pad_top, p->pad_bottom, p->dilation_h, lens[li], r, tr) ||
                    !plan_axis(p->kernel_w, p->pad_left, p->pad_right, p->dilation_w, lens[li], c, tc))
                    continue;
                best = cost;
                memcpy(rows, tr, sizeof tr);
                memcpy(cols, tc, sizeof tc);
                *nr = r;
                *nc = c;
            }
        }
    }
    return best != 0;
}

static lt_status compile_split_depthwise(xnn_state *st, const lt_node *n, const float *wd, uint32_t bid, uint32_t in_id,
                                         int out, const dw_piece *rows, int nr, const dw_piece *cols, int nc,
                                         lt_error *err) {
    const lt_conv_params *p = &n->p.conv;
    const lt_tensor *x = &st->model->tensors[n->inputs[0]];
    int64_t cout = st->model->tensors[n->inputs[1]].dims[0], cin = x->dims[1];
    int kw = p->kernel_w;
    xnn_subgraph_t sg = cur_seg(st)->sg;
    size_t odims[4];
    for (int i = 0; i < 4; i++) odims[i] = (size_t)st->vars[out].pdims[i];
    uint32_t acc = XNN_INVALID_VALUE_ID;
    int pieces = nr * nc, k = 0;
    for (int i = 0; i < nr; i++) {
        for (int j = 0; j < nc; j++, k++) {
            const dw_piece *r = &rows[i], *c = &cols[j];
            float *pw = own(st, (size_t)(r->len * c->len * cout));
            if (pw == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
            for (int y = 0; y < r->len; y++) {
                for (int xx = 0; xx < c->len; xx++) {
                    int ky = r->start + y, kx = c->start + xx;
                    int mine = ky >= r->own_lo && ky < r->own_hi && kx >= c->own_lo && kx < c->own_hi; /* inside [0,k) */
                    for (int64_t o = 0; o < cout; o++) {
                        pw[(y * c->len + xx) * cout + o] = mine ? wd[(ky * kw + kx) * cout + o] : 0.0f;
                    }
                }
            }
            uint32_t wid, piece_out;
            int64_t wdims[4] = {1, r->len, c->len, cout};
            lt_status s = static_value(st, 4, wdims, pw, &wid, err);
            if (s) return s;
            int last = k == pieces - 1;
            if (last && pieces == 1) {
                piece_out = st->vars[out].id;
            } else {
                enum xnn_status xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, 4, odims, NULL, XNN_INVALID_VALUE_ID, 0,
                                                             &piece_out);
                if (xs != xnn_status_success) return xfail(err, "define value", n, xs);
            }
            uint32_t pad_top = (uint32_t)(p->pad_top - r->start * p->dilation_h); /* >= 0 by plan_axis */
            uint32_t pad_left = (uint32_t)(p->pad_left - c->start * p->dilation_w);
            uint32_t pad_bottom = (uint32_t)(p->pad_bottom - (p->kernel_h - r->start - r->len) * p->dilation_h);
            uint32_t pad_right = (uint32_t)(p->pad_right - (p->kernel_w - c->start - c->len) * p->dilation_w);
            enum xnn_status xs = xnn_define_depthwise_convolution_2d(
                sg, pad_top, pad_right, pad_bottom, pad_left, (uint32_t)r->len, (uint32_t)c->len, p->stride_h,
                p->stride_w, p->dilation_h, p->dilation_w, (uint32_t)(cout / cin), (size_t)cin, -INFINITY, INFINITY,
                in_id, wid, k == 0 ? bid : XNN_INVALID_VALUE_ID, piece_out, 0);
            if (xs != xnn_status_success) return xfail(err, "define depthwise convolution piece", n, xs);
            if (k == 0) {
                acc = piece_out;
                continue;
            }
            uint32_t sum = st->vars[out].id;
            if (!last) {
                xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, 4, odims, NULL, XNN_INVALID_VALUE_ID, 0, &sum);
                if (xs != xnn_status_success) return xfail(err, "define value", n, xs);
            }
            xs = xnn_define_add2(sg, -INFINITY, INFINITY, acc, piece_out, sum, 0);
            if (xs != xnn_status_success) return xfail(err, "define depthwise sum", n, xs);
            acc = sum;
        }
    }
    return LT_OK;
}

/* A depthwise conv without a single-pass XNNPACK kernel runs as one host pass (dwconv.c) between two segments:
 * its input leaves the current segment as an external output, its output enters a new one as an external input. */
static lt_status compile_host_depthwise(xnn_state *st, const lt_node *n, int in, const float *wd, const float *bd,
                                        lt_error *err) {
    const lt_conv_params *p = &n->p.conv;
    const lt_tensor *x = &st->model->tensors[n->inputs[0]], *y = &st->model->tensors[n->output];
    lt_dwconv *dw = own_bytes(st, sizeof *dw);
    if (dw == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    *dw = (lt_dwconv){.n = (int)x->dims[0], .h = (int)x->dims[2], .w = (int)x->dims[3], .c = (int)x->dims[1],
                      .oh = (int)y->dims[2], .ow = (int)y->dims[3], .kh = p->kernel_h, .kw = p->kernel_w,
                      .sh = p->stride_h, .sw = p->stride_w, .dh = p->dilation_h, .dw = p->dilation_w,
                      .pad_top = p->pad_top, .pad_left = p->pad_left, .weights = wd, .bias = bd};
    mark_ext(st, in);
    step *q = grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *q);
    if (q == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = q;
    int step_index = st->n_steps++;
    lt_status s = open_segment(st, err);
    if (s) return s;
    float *buf = own(st, (size_t)lt_tensor_elements(y));
    if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int out;
    if ((s = new_variant(st, n->output, NHWC, 4, buf, 1, &out, err))) return s;
    st->steps[step_index].kind = STEP_DWCONV;
    st->steps[step_index].src = in;
    st->steps[step_index].dst = out;
    st->steps[step_index].dw = dw;
    return LT_OK;
}

static lt_status compile_conv(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    const lt_tensor *x = &m->tensors[n->inputs[0]], *w = &m->tensors[n->inputs[1]];
    const lt_conv_params *p = &n->p.conv;
    int64_t cin = x->dims[1], cout = w->dims[0], kh = p->kernel_h, kw = p->kernel_w;
    int depthwise = p->group > 1 && p->group == cin && cout % cin == 0;
    /* fp16 runs stay in XNNPACK (the host pass is fp32); so do kernels XNNPACK has a single-pass kernel for */
    int host = depthwise && cout == cin && kh * kw > 1 && !dw_native_taps((int)(kh * kw)) &&
               (st->runtime_flags & XNN_FLAG_FORCE_FP16_INFERENCE) == 0;
    int in, out = -1;
    lt_status s = use(st, n->inputs[0], NHWC, &in, err);
    if (s) return s;
    if (!host && (s = out_variant(st, n, NHWC, &out, err))) return s;
    float *wd = own(st, (size_t)lt_tensor_elements(w));
    float *bd = own(st, (size_t)cout);
    if (wd == NULL || bd == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    if (n->inputs[2] >= 0) memcpy(bd, m->tensors[n->inputs[2]].data, (size_t)cout * sizeof(float));
    int64_t gin = w->dims[1];
    if (depthwise) { /* ONNX [C*M, 1, kh, kw] -> XNNPACK [1, kh, kw, C*M] */
        for (int64_t o = 0; o < cout; o++)
            for (int64_t y = 0; y < kh; y++)
                for (int64_t xx = 0; xx < kw; xx++) wd[(y * kw + xx) * cout + o] = w->data[(o * kh + y) * kw + xx];
    } else { /* ONNX [O, I/g, kh, kw] -> XNNPACK [O, kh, kw, I/g] */
        for (int64_t o = 0; o < cout; o++)
            for (int64_t i = 0; i < gin; i++)
                for (int64_t y = 0; y < kh; y++)
                    for (int64_t xx = 0; xx < kw; xx++)
                        wd[((o * kh + y) * kw + xx) * gin + i] = w->data[((o * gin + i) * kh + y) * kw + xx];
    }
    if (host) return compile_host_depthwise(st, n, in, wd, bd, err);
    uint32_t wid, bid;
    int64_t wdims[4] = {depthwise ? 1 : cout, kh, kw, depthwise ? cout : gin};
    int64_t bdims[1] = {cout};
    if ((s = static_value(st, 4, wdims, wd, &wid, err)) || (s = static_value(st, 1, bdims, bd, &bid, err))) return s;
    enum xnn_status xs;
    dw_piece rows[2], cols[2];
    int nr, nc;
    if (depthwise && kh * kw > 1 && !dw_native_taps((int)(kh * kw)) && plan_dw_split(p, rows, &nr, cols, &nc)) {
        return compile_split_depthwise(st, n, wd, bid, st->vars[in].id, out, rows, nr, cols, nc, err);
    }
    if (depthwise) {
        xs = xnn_define_depthwise_convolution_2d(cur_seg(st)->sg, p->pad_top, p->pad_right, p->pad_bottom, p->pad_left,
                                                 p->kernel_h, p->kernel_w, p->stride_h, p->stride_w, p->dilation_h,
                                                 p->dilation_w, (uint32_t)(cout / cin), (size_t)cin, -INFINITY, INFINITY,
                                                 st->vars[in].id, wid, bid, st->vars[out].id, 0);
    } else {
        xs = xnn_define_convolution_2d(cur_seg(st)->sg, p->pad_top, p->pad_right, p->pad_bottom, p->pad_left, p->kernel_h,
                                       p->kernel_w, p->stride_h, p->stride_w, p->dilation_h, p->dilation_w,
                                       (uint32_t)p->group, (size_t)gin, (size_t)(cout / p->group), -INFINITY, INFINITY,
                                       st->vars[in].id, wid, bid, st->vars[out].id, 0);
    }
    return xs == xnn_status_success ? LT_OK : xfail(err, "define convolution", n, xs);
}

static lt_status scalar_value(xnn_state *st, float v, uint32_t *id, lt_error *err) {
    float *d = own(st, 1);
    if (d == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    d[0] = v;
    int64_t dims[1] = {1};
    return static_value(st, 1, dims, d, id, err);
}

static lt_status compile_unary(xnn_state *st, const lt_node *n, lt_error *err) {
    int perm[LT_MAX_RANK];
    memcpy(perm, primary_perm(st, n->inputs[0]), sizeof perm);
    int in, out;
    lt_status s = use(st, n->inputs[0], perm, &in, err);
    if (s) return s;
    if ((s = out_variant(st, n, perm, &out, err))) return s;
    xnn_subgraph_t sg = cur_seg(st)->sg;
    uint32_t xi = st->vars[in].id, yo = st->vars[out].id;
    enum xnn_status xs;
    switch (n->kind) {
        case LT_OP_RELU: xs = xnn_define_clamp(sg, 0.0f, INFINITY, xi, yo, 0); break;
        case LT_OP_CLIP: xs = xnn_define_clamp(sg, n->p.clip.min, n->p.clip.max, xi, yo, 0); break;
        case LT_OP_SIGMOID: xs = xnn_define_sigmoid(sg, xi, yo, 0); break;
        case LT_OP_HARD_SWISH: xs = xnn_define_hardswish(sg, xi, yo, 0); break;
        default: { /* HardSigmoid: clamp(alpha * x + beta, 0, 1) */
            uint32_t a, b, mid;
            const lt_tensor *t = &st->model->tensors[n->output];
            size_t dims[LT_MAX_RANK];
            for (int i = 0; i < t->rank; i++) dims[i] = (size_t)st->vars[out].pdims[i];
            if ((s = scalar_value(st, n->p.hard_sigmoid.alpha, &a, err)) || (s = scalar_value(st, n->p.hard_sigmoid.beta, &b, err)))
                return s;
            xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, (size_t)t->rank, dims, NULL, XNN_INVALID_VALUE_ID, 0, &mid);
            if (xs == xnn_status_success) xs = xnn_define_multiply2(sg, -INFINITY, INFINITY, xi, a, mid, 0);
            if (xs == xnn_status_success) xs = xnn_define_add2(sg, 0.0f, 1.0f, mid, b, yo, 0);
        }
    }
    return xs == xnn_status_success ? LT_OK : xfail(err, "define activation", n, xs);
}

/* Physical id of operand `t` for a rank-r elementwise op laid out as perm. */
static lt_status binary_operand(xnn_state *st, const lt_node *n, int t, int r, const int *perm, uint32_t *id, lt_error *err) {
    const lt_tensor *x = &st->model->tensors[t];
    if (x->data != NULL) return const_value(st, t, r, perm, id, err);
    lt_status s;
    int v;
    if (x->rank == r) {
        if ((s = use(st, t, perm, &v, err))) return s;
        *id = st->vars[v].id;
        return LT_OK;
    }
    /* A lower-rank variable operand: broadcast works on physical dims, so its bytes must already be in the
     * order the padded, permuted shape needs. */
    int64_t ld[LT_MAX_RANK];
    for (int i = 0; i < r; i++) {
        int k = i - (r - x->rank);
        ld[i] = k >= 0 ? x->dims[k] : 1;
    }
    int ident[LT_MAX_RANK];
    identity_perm(ident, r);
    if (!lt_layout_same_memory(ld, ident, perm, r)) {
        return lt_fail(err, LT_ERR_UNSUPPORTED, "%s node '%s': broadcasting a lower-rank computed operand across a "
                       "transposed layout is not supported", n->onnx_op, n->name);
    }
    int plain[LT_MAX_RANK];
    identity_perm(plain, x->rank);
    if ((s = use(st, t, plain, &v, err))) return s;
    size_t dims[LT_MAX_RANK], nd[LT_MAX_RANK];
    for (int i = 0; i < r; i++) dims[i] = nd[i] = (size_t)ld[perm[i]];
    uint32_t mid;
    enum xnn_status xs = xnn_define_tensor_value(cur_seg(st)->sg, xnn_datatype_fp32, (size_t)r, dims, NULL,
                                                 XNN_INVALID_VALUE_ID, 0, &mid);
    if (xs == xnn_status_success) xs = xnn_define_static_reshape(cur_seg(st)->sg, (size_t)r, nd, st->vars[v].id, mid, 0);
    if (xs != xnn_status_success) return xfail(err, "define broadcast reshape", n, xs);
    *id = mid;
    return LT_OK;
}

static lt_status compile_binary(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    int r = m->tensors[n->output].rank;
    int perm[LT_MAX_RANK];
    identity_perm(perm, r);
    for (int k = 0; k < 2; k++) { /* follow the layout of a full-rank computed operand (NHWC for feature maps) */
        int t = n->inputs[k];
        if (m->tensors[t].data == NULL && m->tensors[t].rank == r) {
            memcpy(perm, primary_perm(st, t), sizeof perm);
            break;
        }
    }
    uint32_t a, b;
    int out;
    lt_status s;
    if ((s = binary_operand(st, n, n->inputs[0], r, perm, &a, err)) || (s = binary_operand(st, n, n->inputs[1], r, perm, &b, err)))
        return s;
    if ((s = out_variant(st, n, perm, &out, err))) return s;
    enum xnn_status xs = n->kind == LT_OP_ADD
                             ? xnn_define_add2(cur_seg(st)->sg, -INFINITY, INFINITY, a, b, st->vars[out].id, 0)
                             : xnn_define_multiply2(cur_seg(st)->sg, -INFINITY, INFINITY, a, b, st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xfail(err, "define elementwise op", n, xs);
}

static lt_status compile_gap(xnn_state *st, const lt_node *n, lt_error *err) {
    int in, out;
    lt_status s = use(st, n->inputs[0], NHWC, &in, err);
    if (s) return s;
    if ((s = out_variant(st, n, NHWC, &out, err))) return s;
    enum xnn_status xs = xnn_define_global_average_pooling_2d(cur_seg(st)->sg, -INFINITY, INFINITY, st->vars[in].id,
                                                              st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xfail(err, "define global average pooling", n, xs);
}

static lt_status compile_reshape(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    const lt_tensor *x = &m->tensors[n->inputs[0]], *y = &m->tensors[n->output];
    int src_perm[LT_MAX_RANK], out_perm[LT_MAX_RANK];
    memcpy(src_perm, primary_perm(st, n->inputs[0]), sizeof src_perm);
    if (!lt_layout_reshape(x->dims, x->rank, src_perm, y->dims, y->rank, out_perm)) {
        identity_perm(src_perm, x->rank); /* layout cannot carry over: reshape the plain (NCHW-ordered) bytes */
        identity_perm(out_perm, y->rank);
    }
    int in, out;
    lt_status s = use(st, n->inputs[0], src_perm, &in, err);
    if (s) return s;
    if ((s = out_variant(st, n, out_perm, &out, err))) return s;
    size_t nd[LT_MAX_RANK];
    for (int i = 0; i < y->rank; i++) nd[i] = (size_t)st->vars[out].pdims[i];
    enum xnn_status xs = xnn_define_static_reshape(cur_seg(st)->sg, (size_t)y->rank, nd, st->vars[in].id, st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xfail(err, "define reshape", n, xs);
}

static lt_status compile_transpose(xnn_state *st, const lt_node *n, lt_error *err) {
    /* No data moves: the output is the input's memory with its axes relabelled. */
    const lt_tensor *y = &st->model->tensors[n->output];
    int src = st->primary[n->inputs[0]];
    int r = y->rank, inv[LT_MAX_RANK];
    for (int i = 0; i < r; i++) inv[n->p.transpose.perm[i]] = i;
    variant *vv = grow(st->vars, &st->cap_vars, st->n_vars + 1, sizeof *vv);
    unsigned char *ef = vv != NULL ? grow(st->ext_flags, &st->cap_ext_flags, st->n_vars + 1, 1) : NULL;
    if (vv == NULL || ef == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->vars = vv;
    st->ext_flags = ef;
    int v = st->n_vars++;
    variant *x = &st->vars[v];
    *x = st->vars[src];
    x->tensor = n->output;
    x->alias_of = src;
    for (int j = 0; j < r; j++) x->perm[j] = inv[st->vars[src].perm[j]];
    if (st->primary[n->output] < 0) st->primary[n->output] = v;
    return LT_OK;
}

static lt_status compile_matmul(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    const lt_tensor *a = &m->tensors[n->inputs[0]], *b = &m->tensors[n->inputs[1]], *y = &m->tensors[n->output];
    int const_left = a->data != NULL;
    const lt_tensor *c = const_left ? a : b, *v = const_left ? b : a;
    int tv = const_left ? n->inputs[1] : n->inputs[0];
    int r = v->rank;
    if (y->rank != r) {
        return lt_fail(err, LT_ERR_UNSUPPORTED, "%s node '%s': a constant operand of higher rank than the computed one is not supported",
                       n->onnx_op, n->name);
    }
    /* FC contracts the physical last axis: it must hold the contracted logical axis (K). */
    int k_axis = const_left ? r - 2 : r - 1;
    int perm[LT_MAX_RANK];
    memcpy(perm, primary_perm(st, tv), sizeof perm);
    if (perm[r - 1] != k_axis) {
        identity_perm(perm, r);
        if (const_left) {
            perm[r - 2] = r - 1;
            perm[r - 1] = r - 2;
        }
    }
    int in, out;
    lt_status s = use(st, tv, perm, &in, err);
    if (s) return s;
    if ((s = out_variant(st, n, perm, &out, err))) return s;
    int64_t M = c->dims[c->rank - 2], K = c->dims[c->rank - 1];
    /* Filter [out_channels, in_channels]: const right B[K,N] -> B^T [N,K]; const left A[M,K] as is. */
    int64_t oc = const_left ? M : c->dims[c->rank - 1], ic = const_left ? K : M;
    float *w = own(st, (size_t)(oc * ic));
    if (w == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    for (int64_t o = 0; o < oc; o++)
        for (int64_t i = 0; i < ic; i++) w[o * ic + i] = const_left ? c->data[o * K + i] : c->data[i * oc + o];
    uint32_t wid, bid = XNN_INVALID_VALUE_ID;
    int64_t wd[2] = {oc, ic};
    if ((s = static_value(st, 2, wd, w, &wid, err))) return s;
    int bias = n->n_inputs > 2 ? n->inputs[2] : -1;
    if (bias >= 0 && !const_left) { /* bias on the last logical axis = FC output channels */
        float *bd = own(st, (size_t)oc);
        if (bd == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
        const lt_tensor *bt = &m->tensors[bias];
        int64_t bn = lt_tensor_elements(bt);
        for (int64_t o = 0; o < oc; o++) bd[o] = bt->data[bn == 1 ? 0 : o];
        int64_t bdims[1] = {oc};
        if ((s = static_value(st, 1, bdims, bd, &bid, err))) return s;
    }
    xnn_subgraph_t sg = cur_seg(st)->sg;
    enum xnn_status xs;
    if (bias >= 0 && const_left) { /* FC into a temp, then add the bias laid out like the output */
        size_t dims[LT_MAX_RANK];
        for (int i = 0; i < r; i++) dims[i] = (size_t)st->vars[out].pdims[i];
        uint32_t mid, bv;
        xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, (size_t)r, dims, NULL, XNN_INVALID_VALUE_ID, 0, &mid);
        if (xs != xnn_status_success) return xfail(err, "define value", n, xs);
        xs = xnn_define_fully_connected(sg, -INFINITY, INFINITY, st->vars[in].id, wid, XNN_INVALID_VALUE_ID, mid, 0);
        if (xs != xnn_status_success) return xfail(err, "define fully connected", n, xs);
        if ((s = const_value(st, bias, r, perm, &bv, err))) return s;
        xs = xnn_define_add2(cur_seg(st)->sg, -INFINITY, INFINITY, mid, bv, st->vars[out].id, 0);
    } else {
        xs = xnn_define_fully_connected(sg, -INFINITY, INFINITY, st->vars[in].id, wid, bid, st->vars[out].id, 0);
    }
    return xs == xnn_status_success ? LT_OK : xfail(err, "define fully connected", n, xs);
}

static void free_build(xnn_state *st) {
    for (int i = 0; i < st->n_segs; i++) {
        if (st->segs[i].rt != NULL) xnn_delete_runtime(st->segs[i].rt);
        if (st->segs[i].sg != NULL) xnn_delete_subgraph(st->segs[i].sg);
        free(st->segs[i].ext);
    }
    free(st->segs);
    st->segs = NULL;
    st->n_segs = st->cap_segs = 0;
    for (int i = 0; i < st->n_owned; i++) free(st->owned[i]);
    free(st->owned);
    st->owned = NULL;
    st->n_owned = st->cap_owned = 0;
    free(st->vars);
    st->vars = NULL;
    st->n_vars = st->cap_vars = 0;
    free(st->steps);
    st->steps = NULL;
    st->n_steps = st->cap_steps = 0;
}

static lt_status compile(xnn_state *st, lt_error *err) {
    const lt_model *m = st->model;
    for (int i = 0; i < m->n_tensors; i++) st->primary[i] = -1;
    lt_status s = open_segment(st, err);
    if (s) return s;
    for (int i = 0; i < m->n_inputs; i++) {
        int t = m->inputs[i], v;
        float *buf = own(st, (size_t)lt_tensor_elements(&m->tensors[t]));
        if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
        if ((s = new_variant(st, t, NHWC, 4, buf, 1, &v, err))) return s;
    }
    for (int i = 0; i < m->n_nodes; i++) {
        const lt_node *n = &m->nodes[i];
        switch (n->kind) {
            case LT_OP_CONV: s = compile_conv(st, n, err); break;
            case LT_OP_MATMUL: s = compile_matmul(st, n, err); break;
            case LT_OP_ADD:
            case LT_OP_MUL: s = compile_binary(st, n, err); break;
            case LT_OP_RELU:
            case LT_OP_CLIP:
            case LT_OP_SIGMOID:
            case LT_OP_HARD_SIGMOID:
            case LT_OP_HARD_SWISH: s = compile_unary(st, n, err); break;
            case LT_OP_GLOBAL_AVG_POOL: s = compile_gap(st, n, err); break;
            case LT_OP_RESHAPE: s = compile_reshape(st, n, err); break;
            case LT_OP_TRANSPOSE: s = compile_transpose(st, n, err); break;
            default: s = lt_fail(err, LT_ERR_UNSUPPORTED, "%s node '%s': op kind %d has no XNNPACK lowering", n->onnx_op, n->name, (int)n->kind);
        }
        if (s) return s;
    }
    for (int i = 0; i < m->n_outputs; i++) {
        int v = st->primary[m->outputs[i]];
        if (v < 0) return lt_fail(err, LT_ERR_RUNTIME, "internal: output '%s' is not computed", m->tensors[m->outputs[i]].name);
        mark_ext(st, v);
    }
    return LT_OK;
}

static void xnn_close(void *state) {
    xnn_state *st = state;
    if (st == NULL) return;
    free_build(st);
    if (st->pool != NULL) pthreadpool_destroy(st->pool);
    free(st->ext_flags);
    free(st->seg_ext_counts);
    free(st->primary);
    free(st);
}

static void *xnn_open(const lt_model *model, const lt_backend_options *options, lt_error *err) {
    enum xnn_status xs = xnn_initialize(NULL); /* idempotent; XNNPACK guards it with a once-flag */
    if (xs != xnn_status_success) {
        lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE, "xnnpack cannot initialize on this cpu (status %d)", (int)xs);
        return NULL;
    }
    xnn_state *st = calloc(1, sizeof *st);
    if (st == NULL || (st->primary = calloc((size_t)model->n_tensors + 1, sizeof *st->primary)) == NULL) {
        free(st);
        lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
        return NULL;
    }
    st->model = model;
    /* FORCE, not the hint: the hint silently stays fp32 where the cpu lacks fp16 arithmetic (x86 in this snapshot),
     * and a run labelled fp16 must be fp16. */
    st->runtime_flags = options->precision == LT_PRECISION_FP16 ? XNN_FLAG_FORCE_FP16_INFERENCE : 0;
    if (options->threads > 1) {
        st->pool = pthreadpool_create((size_t)options->threads);
        if (st->pool == NULL) {
            lt_fail(err, LT_ERR_RUNTIME, "cannot create a pool of %d threads", options->threads);
            xnn_close(st);
            return NULL;
        }
    }
    snprintf(st->engine, sizeof st->engine, "xnnpack %s", LT_XNNPACK_VERSION);
    st->pass = 1;
    lt_status s = compile(st, err);
    if (s == LT_OK) {
        st->seg_ext_counts = calloc((size_t)st->n_segs, sizeof *st->seg_ext_counts);
        if (st->seg_ext_counts == NULL) s = lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    }
    if (s == LT_OK) {
        /* Count what pass 2 will declare external per segment: inputs and bridges (already registered) plus
         * the values pass 1 marked. */
        for (int i = 0; i < st->n_segs; i++) st->seg_ext_counts[i] = 0;
        for (int v = 0; v < st->n_vars; v++) {
            const variant *x = &st->vars[v];
            if (x->alias_of < 0 && (x->ext_input || st->ext_flags[v])) st->seg_ext_counts[x->seg]++;
        }
        free_build(st);
        st->pass = 2;
        s = compile(st, err);
    }
    for (int i = 0; s == LT_OK && i < st->n_segs; i++) {
        segment *seg = &st->segs[i];
        xs = xnn_create_runtime_v2(seg->sg, st->pool, st->runtime_flags, &seg->rt);
        if (xs != xnn_status_success) {
            if (st->runtime_flags != 0 && xs == xnn_status_unsupported_hardware) {
                s = lt_fail(err, LT_ERR_UNSUPPORTED, "xnnpack: fp16 inference is not available on this cpu; use fp32");
            } else {
                s = lt_fail(err, xs == xnn_status_unsupported_parameter ? LT_ERR_UNSUPPORTED : LT_ERR_RUNTIME,
                            "xnnpack: cannot create the runtime (status %d)", (int)xs);
            }
            break;
        }
        xs = xnn_setup_runtime(seg->rt, seg->n_ext, seg->ext);
        if (xs != xnn_status_success) s = lt_fail(err, LT_ERR_RUNTIME, "xnnpack: runtime setup failed (status %d)", (int)xs);
    }
    if (s != LT_OK) {
        xnn_close(st);
        return NULL;
    }
    return st;
}

static const char *xnn_engine(void *state) { return ((xnn_state *)state)->engine; }

static lt_status xnn_set_input(void *state, int index, const float *data, size_t count, lt_error *err) {
    xnn_state *st = state;
    const lt_model *m = st->model;
    if (index < 0 || index >= m->n_inputs) return lt_fail(err, LT_ERR_USAGE, "input index %d out of range (model has %d)", index, m->n_inputs);
    const lt_tensor *t = &m->tensors[m->inputs[index]];
    if ((int64_t)count != lt_tensor_elements(t)) {
        return lt_fail(err, LT_ERR_USAGE, "input '%s' needs %lld values, got %zu", t->name, (long long)lt_tensor_elements(t), count);
    }
    const variant *v = &st->vars[root(st, st->primary[m->inputs[index]])];
    int ident[LT_MAX_RANK];
    identity_perm(ident, t->rank);
    lt_layout_transpose(data, t->dims, ident, v->buf, v->perm, t->rank);
    return LT_OK;
}

static void run_transpose(xnn_state *st, const step *p) {
    const variant *src = &st->vars[p->src], *dst = &st->vars[p->dst];
    const variant *sroot = &st->vars[root(st, p->src)];
    const lt_tensor *t = &st->model->tensors[src->tensor];
    /* the source buffer holds src's physical order; the destination gets dst's */
    float *tmp_src = sroot->buf;
    int64_t ld[LT_MAX_RANK];
    for (int i = 0; i < t->rank; i++) ld[i] = t->dims[i];
    lt_layout_transpose(tmp_src, ld, src->perm, dst->buf, dst->perm, t->rank);
}

static lt_status xnn_invoke(void *state, lt_error *err) {
    xnn_state *st = state;
    for (int i = 0; i < st->n_steps; i++) {
        const step *p = &st->steps[i];
        if (p->kind == STEP_RUN) {
            enum xnn_status xs = xnn_invoke_runtime(st->segs[p->seg].rt);
            if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: invoke failed (status %d)", (int)xs);
        } else if (p->kind == STEP_DWCONV) {
            lt_dwconv *dw = p->dw;
            dw->in = st->vars[root(st, p->src)].buf;
            dw->out = st->vars[p->dst].buf;
            pthreadpool_parallelize_1d(st->pool, lt_dwconv_row, dw, (size_t)dw->n * (size_t)dw->oh, 0);
        } else {
            run_transpose(st, p);
        }
    }
    return LT_OK;
}

static lt_status xnn_get_output(void *state, int index, float *data, size_t count, lt_error *err) {
    xnn_state *st = state;
    const lt_model *m = st->model;
    if (index < 0 || index >= m->n_outputs) return lt_fail(err, LT_ERR_USAGE, "output index %d out of range (model has %d)", index, m->n_outputs);
    const lt_tensor *t = &m->tensors[m->outputs[index]];
    if ((int64_t)count != lt_tensor_elements(t)) {
        return lt_fail(err, LT_ERR_USAGE, "output '%s' has %lld values, the buffer %zu", t->name, (long long)lt_tensor_elements(t), count);
    }
    const variant *v = &st->vars[st->primary[m->outputs[index]]];
    const variant *r = &st->vars[root(st, st->primary[m->outputs[index]])];
    int ident[LT_MAX_RANK];
    identity_perm(ident, t->rank);
    lt_layout_transpose(r->buf, t->dims, v->perm, data, ident, t->rank);
    return LT_OK;
}

const lt_backend lt_backend_xnnpack = {
    .name = "cpu",
    .open = xnn_open,
    .engine = xnn_engine,
    .set_input = xnn_set_input,
    .invoke = xnn_invoke,
    .get_output = xnn_get_output,
    .collect_op_times = NULL,
    .op_times = NULL,
    .reset_op_times = NULL,
    .close = xnn_close,
};
