/* "cpu" backend: the lt_model compiled to XNNPACK subgraphs (the kernels behind TFLite's CPU path).
 *
 * Layout: XNNPACK convolutions want NHWC, the model is NCHW. Every tensor gets a physical layout (a permutation of
 * its logical axes); rank-4 activations live as NHWC, Transpose only relabels axes, and Reshape keeps the layout
 * when the merged/split axes stay contiguous in memory. Where a real data movement is unavoidable (XNNPACK of this
 * snapshot has no transpose node), the subgraph is cut into segments and a host transpose runs between two
 * XNNPACK runtimes. Compilation runs twice: the first pass finds which values cross a segment boundary (those
 * must be declared external when defined), the second defines them so and creates the runtimes. */
#include "xnnpack-build.h"

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
    lt_status s = xb_open_segment(st, err);
    if (s) return s;
    for (int i = 0; i < m->n_inputs; i++) {
        int t = m->inputs[i], v;
        float *buf = xb_own(st, (size_t)lt_tensor_elements(&m->tensors[t]));
        if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
        if ((s = xb_new_variant(st, t, xb_nhwc, 4, buf, 1, &v, err))) return s;
    }
    for (int i = 0; i < m->n_nodes; i++) {
        const lt_node *n = &m->nodes[i];
        switch (n->kind) {
            case LT_OP_CONV: s = xb_compile_conv(st, n, err); break;
            case LT_OP_MATMUL: s = xb_compile_matmul(st, n, err); break;
            case LT_OP_ADD:
            case LT_OP_MUL: s = xb_compile_binary(st, n, err); break;
            case LT_OP_RELU:
            case LT_OP_CLIP:
            case LT_OP_SIGMOID:
            case LT_OP_HARD_SIGMOID:
            case LT_OP_HARD_SWISH: s = xb_compile_unary(st, n, err); break;
            case LT_OP_GLOBAL_AVG_POOL: s = xb_compile_gap(st, n, err); break;
            case LT_OP_RESHAPE: s = xb_compile_reshape(st, n, err); break;
            case LT_OP_TRANSPOSE: s = xb_compile_transpose(st, n, err); break;
            default: s = lt_fail(err, LT_ERR_UNSUPPORTED, "%s node '%s': op kind %d has no XNNPACK lowering", n->onnx_op, n->name, (int)n->kind);
        }
        if (s) return s;
    }
    for (int i = 0; i < m->n_outputs; i++) {
        int v = st->primary[m->outputs[i]];
        if (v < 0) return lt_fail(err, LT_ERR_RUNTIME, "internal: output '%s' is not computed", m->tensors[m->outputs[i]].name);
        xb_mark_ext(st, v);
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
            if (st->runtime_flags != 0 &&
                (xs == xnn_status_unsupported_hardware || xs == xnn_status_unsupported_parameter)) {
                /* forced fp16: XNNPACK refuses where the cpu lacks fp16 arithmetic or has no fp16 kernel for an op */
                s = lt_fail(err, LT_ERR_UNSUPPORTED,
                            "xnnpack: fp16 inference of this model is not available on this cpu (XNNPACK status %d: "
                            "no fp16 kernel for one of its ops here); use fp32", (int)xs);
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
    const variant *v = &st->vars[xb_root(st, st->primary[m->inputs[index]])];
    int ident[LT_MAX_RANK];
    xb_identity_perm(ident, t->rank);
    lt_layout_transpose(data, t->dims, ident, v->buf, v->perm, t->rank);
    return LT_OK;
}

static void run_transpose(xnn_state *st, const step *p) {
    const variant *src = &st->vars[p->src], *dst = &st->vars[p->dst];
    const variant *sroot = &st->vars[xb_root(st, p->src)];
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
            dw->in = st->vars[xb_root(st, p->src)].buf;
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
    const variant *r = &st->vars[xb_root(st, st->primary[m->outputs[index]])];
    int ident[LT_MAX_RANK];
    xb_identity_perm(ident, t->rank);
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
