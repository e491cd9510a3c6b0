/* cpu backend (XNNPACK), planning: owned memory, segments, layouts and value variants. */
#include "xnnpack-build.h"

void *xb_grow(void *p, int *cap, int need, size_t elem) {
    if (need <= *cap) return p;
    int c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    void *q = realloc(p, (size_t)c * elem);
    if (q == NULL) return NULL;
    memset((char *)q + (size_t)*cap * elem, 0, (size_t)(c - *cap) * elem);
    *cap = c;
    return q;
}

lt_status xb_xfail(lt_error *err, const char *what, const lt_node *n, enum xnn_status s) {
    if (n != NULL) {
        return lt_fail(err, s == xnn_status_unsupported_parameter || s == xnn_status_unsupported_hardware
                                ? LT_ERR_UNSUPPORTED : LT_ERR_RUNTIME,
                       "xnnpack: %s failed for %s node '%s' (status %d)", what, n->onnx_op, n->name, (int)s);
    }
    return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: %s failed (status %d)", what, (int)s);
}

float *xb_own(xnn_state *st, size_t floats) {
    void **o = xb_grow(st->owned, &st->cap_owned, st->n_owned + 1, sizeof *o);
    if (o == NULL) return NULL;
    st->owned = o;
    float *p = calloc(floats + XNN_EXTRA_BYTES / sizeof(float) + 1, sizeof(float));
    if (p == NULL) return NULL;
    st->owned[st->n_owned++] = p;
    return p;
}

void *xb_own_bytes(xnn_state *st, size_t bytes) {
    return xb_own(st, (bytes + sizeof(float) - 1) / sizeof(float)); /* calloc memory: aligned for any type */
}

segment *xb_cur_seg(xnn_state *st) { return &st->segs[st->n_segs - 1]; }

lt_status xb_open_segment(xnn_state *st, lt_error *err) {
    segment *s = xb_grow(st->segs, &st->cap_segs, st->n_segs + 1, sizeof *s);
    if (s == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->segs = s;
    segment *seg = &st->segs[st->n_segs];
    memset(seg, 0, sizeof *seg);
    uint32_t reserve = st->pass == 2 ? st->seg_ext_counts[st->n_segs] : (uint32_t)(4 * st->model->n_tensors + 16);
    enum xnn_status xs = xnn_create_subgraph(reserve, 0, &seg->sg);
    if (xs != xnn_status_success) return xb_xfail(err, "create_subgraph", NULL, xs);
    st->n_segs++;
    step *p = xb_grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *p);
    if (p == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = p;
    st->steps[st->n_steps].kind = STEP_RUN;
    st->steps[st->n_steps].seg = st->n_segs - 1;
    st->n_steps++;
    return LT_OK;
}

int xb_root(const xnn_state *st, int v) {
    while (st->vars[v].alias_of >= 0) v = st->vars[v].alias_of;
    return v;
}

static int wants_ext(const xnn_state *st, int v) {
    return st->pass == 2 && v < st->cap_ext_flags && st->ext_flags[v];
}

void xb_mark_ext(xnn_state *st, int v) {
    v = xb_root(st, v);
    if (st->pass == 1 && v < st->cap_ext_flags) st->ext_flags[v] = 1;
}

static lt_status register_ext(xnn_state *st, segment *seg, uint32_t id, float *buf, lt_error *err) {
    struct xnn_external_value *e = xb_grow(seg->ext, (int *)&seg->cap_ext, (int)seg->n_ext + 1, sizeof *e);
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
lt_status xb_new_variant(xnn_state *st, int tensor, const int *perm, int rank, float *ext_input_buf, int is_input,
                             int *out, lt_error *err) {
    variant *vv = xb_grow(st->vars, &st->cap_vars, st->n_vars + 1, sizeof *vv);
    if (vv == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->vars = vv;
    unsigned char *ef = xb_grow(st->ext_flags, &st->cap_ext_flags, st->n_vars + 1, 1);
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
    segment *seg = xb_cur_seg(st);
    uint32_t flags = 0, ext_id = XNN_INVALID_VALUE_ID;
    if (ext_input_buf != NULL || is_input) {
        flags = XNN_VALUE_FLAG_EXTERNAL_INPUT;
        x->ext_input = 1;
        x->buf = ext_input_buf;
    } else if (wants_ext(st, v)) {
        flags = XNN_VALUE_FLAG_EXTERNAL_OUTPUT;
        x->buf = xb_own(st, (size_t)lt_tensor_elements(t));
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
lt_status xb_static_value(xnn_state *st, int rank, const int64_t *pdims, const float *data, uint32_t *id, lt_error *err) {
    size_t dims[LT_MAX_RANK];
    for (int i = 0; i < rank; i++) dims[i] = (size_t)pdims[i];
    if (rank == 0) dims[0] = 1;
    enum xnn_status xs = xnn_define_tensor_value(xb_cur_seg(st)->sg, xnn_datatype_fp32, rank ? (size_t)rank : 1, dims, data,
                                                 XNN_INVALID_VALUE_ID, 0, id);
    if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: define constant failed (%d)", (int)xs);
    return LT_OK;
}

/* Constant tensor t padded with leading 1s to rank r and laid out physically by perm. */
lt_status xb_const_value(xnn_state *st, int t, int r, const int *perm, uint32_t *id, lt_error *err) {
    const lt_tensor *c = &st->model->tensors[t];
    int64_t ld[LT_MAX_RANK], pd[LT_MAX_RANK];
    for (int i = 0; i < r; i++) {
        int k = i - (r - c->rank);
        ld[i] = k >= 0 ? c->dims[k] : 1;
    }
    for (int i = 0; i < r; i++) pd[i] = ld[perm[i]];
    int64_t n = lt_tensor_elements(c);
    float *d = xb_own(st, (size_t)n);
    if (d == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int ident[LT_MAX_RANK];
    for (int i = 0; i < r; i++) ident[i] = i;
    lt_layout_transpose(c->data, ld, ident, d, perm, r);
    return xb_static_value(st, r, pd, d, id, err);
}

/* A variant of `tensor` usable in the current segment with physical layout `perm`; inserts a bridge (external
 * value shared with an earlier segment), a copy (same memory order, other dims) or a host transpose. */
lt_status xb_use(xnn_state *st, int tensor, const int *perm, int *out, lt_error *err) {
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
        xb_mark_ext(st, same_before);
        float *buf = st->vars[xb_root(st, same_before)].buf;
        return xb_new_variant(st, tensor, perm, r, buf, 1, out, err);
    }
    if (equiv >= 0) { /* same bytes in another shape: a reshape copy inside XNNPACK */
        int src;
        lt_status s = xb_use(st, tensor, st->vars[equiv].perm, &src, err);
        if (s) return s;
        int dst;
        if ((s = xb_new_variant(st, tensor, perm, r, NULL, 0, &dst, err))) return s;
        size_t nd[LT_MAX_RANK];
        for (int i = 0; i < r; i++) nd[i] = (size_t)st->vars[dst].pdims[i];
        enum xnn_status xs = xnn_define_static_reshape(xb_cur_seg(st)->sg, r, nd, st->vars[src].id, st->vars[dst].id, 0);
        if (xs != xnn_status_success) return lt_fail(err, LT_ERR_RUNTIME, "xnnpack: relayout of '%s' failed (%d)", t->name, (int)xs);
        *out = dst;
        return LT_OK;
    }
    if (any < 0) return lt_fail(err, LT_ERR_RUNTIME, "internal: tensor '%s' used before it is computed", t->name);
    /* A real transpose: end this segment, transpose on the host, continue in a new segment. */
    xb_mark_ext(st, any);
    step *p = xb_grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *p);
    if (p == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = p;
    int step_index = st->n_steps++;
    lt_status s = xb_open_segment(st, err);
    if (s) return s;
    float *buf = xb_own(st, (size_t)lt_tensor_elements(t));
    if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int dst;
    if ((s = xb_new_variant(st, tensor, perm, r, buf, 1, &dst, err))) return s;
    st->steps[step_index].kind = STEP_TRANSPOSE;
    st->steps[step_index].src = any;
    st->steps[step_index].dst = dst;
    *out = dst;
    return LT_OK;
}

void xb_identity_perm(int *p, int r) {
    for (int i = 0; i < r; i++) p[i] = i;
}

const int xb_nhwc[4] = {0, 2, 3, 1};

/* The layout a node's variable input currently has (its first variant). */
const int *xb_primary_perm(const xnn_state *st, int tensor) { return st->vars[st->primary[tensor]].perm; }

lt_status xb_out_variant(xnn_state *st, const lt_node *n, const int *perm, int *out, lt_error *err) {
    const lt_tensor *t = &st->model->tensors[n->output];
    return xb_new_variant(st, n->output, perm, t->rank, NULL, 0, out, err);
}
