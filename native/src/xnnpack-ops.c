/* cpu backend (XNNPACK), op compilation into XNNPACK subgraph nodes. */
#include "xnnpack-build.h"

lt_status xb_compile_conv(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    const lt_tensor *x = &m->tensors[n->inputs[0]], *w = &m->tensors[n->inputs[1]];
    const lt_conv_params *p = &n->p.conv;
    int64_t cin = x->dims[1], cout = w->dims[0], kh = p->kernel_h, kw = p->kernel_w;
    int depthwise = p->group > 1 && p->group == cin && cout % cin == 0;
    /* fp16 runs stay in XNNPACK (the host pass is fp32); so do kernels XNNPACK has a single-pass kernel for */
    int host = depthwise && cout == cin && kh * kw > 1 && !xb_dw_native_taps((int)(kh * kw)) &&
               (st->runtime_flags & XNN_FLAG_FORCE_FP16_INFERENCE) == 0;
    int in, out = -1;
    lt_status s = xb_use(st, n->inputs[0], xb_nhwc, &in, err);
    if (s) return s;
    if (!host && (s = xb_out_variant(st, n, xb_nhwc, &out, err))) return s;
    float *wd = xb_own(st, (size_t)lt_tensor_elements(w));
    float *bd = xb_own(st, (size_t)cout);
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
    if (host) return xb_compile_host_depthwise(st, n, in, wd, bd, err);
    uint32_t wid, bid;
    int64_t wdims[4] = {depthwise ? 1 : cout, kh, kw, depthwise ? cout : gin};
    int64_t bdims[1] = {cout};
    if ((s = xb_static_value(st, 4, wdims, wd, &wid, err)) || (s = xb_static_value(st, 1, bdims, bd, &bid, err))) return s;
    enum xnn_status xs;
    dw_piece rows[2], cols[2];
    int nr, nc;
    if (depthwise && kh * kw > 1 && !xb_dw_native_taps((int)(kh * kw)) && xb_plan_dw_split(p, rows, &nr, cols, &nc)) {
        return xb_compile_split_depthwise(st, n, wd, bid, st->vars[in].id, out, rows, nr, cols, nc, err);
    }
    if (depthwise) {
        xs = xnn_define_depthwise_convolution_2d(xb_cur_seg(st)->sg, p->pad_top, p->pad_right, p->pad_bottom, p->pad_left,
                                                 p->kernel_h, p->kernel_w, p->stride_h, p->stride_w, p->dilation_h,
                                                 p->dilation_w, (uint32_t)(cout / cin), (size_t)cin, -INFINITY, INFINITY,
                                                 st->vars[in].id, wid, bid, st->vars[out].id, 0);
    } else {
        xs = xnn_define_convolution_2d(xb_cur_seg(st)->sg, p->pad_top, p->pad_right, p->pad_bottom, p->pad_left, p->kernel_h,
                                       p->kernel_w, p->stride_h, p->stride_w, p->dilation_h, p->dilation_w,
                                       (uint32_t)p->group, (size_t)gin, (size_t)(cout / p->group), -INFINITY, INFINITY,
                                       st->vars[in].id, wid, bid, st->vars[out].id, 0);
    }
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define convolution", n, xs);
}

static lt_status scalar_value(xnn_state *st, float v, uint32_t *id, lt_error *err) {
    float *d = xb_own(st, 1);
    if (d == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    d[0] = v;
    int64_t dims[1] = {1};
    return xb_static_value(st, 1, dims, d, id, err);
}

lt_status xb_compile_unary(xnn_state *st, const lt_node *n, lt_error *err) {
    int perm[LT_MAX_RANK];
    memcpy(perm, xb_primary_perm(st, n->inputs[0]), sizeof perm);
    int in, out;
    lt_status s = xb_use(st, n->inputs[0], perm, &in, err);
    if (s) return s;
    if ((s = xb_out_variant(st, n, perm, &out, err))) return s;
    xnn_subgraph_t sg = xb_cur_seg(st)->sg;
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
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define activation", n, xs);
}

/* Physical id of operand `t` for a rank-r elementwise op laid out as perm. */
static lt_status binary_operand(xnn_state *st, const lt_node *n, int t, int r, const int *perm, uint32_t *id, lt_error *err) {
    const lt_tensor *x = &st->model->tensors[t];
    if (x->data != NULL) return xb_const_value(st, t, r, perm, id, err);
    lt_status s;
    int v;
    if (x->rank == r) {
        if ((s = xb_use(st, t, perm, &v, err))) return s;
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
    xb_identity_perm(ident, r);
    if (!lt_layout_same_memory(ld, ident, perm, r)) {
        return lt_fail(err, LT_ERR_UNSUPPORTED, "%s node '%s': broadcasting a lower-rank computed operand across a "
                       "transposed layout is not supported", n->onnx_op, n->name);
    }
    int plain[LT_MAX_RANK];
    xb_identity_perm(plain, x->rank);
    if ((s = xb_use(st, t, plain, &v, err))) return s;
    size_t dims[LT_MAX_RANK], nd[LT_MAX_RANK];
    for (int i = 0; i < r; i++) dims[i] = nd[i] = (size_t)ld[perm[i]];
    uint32_t mid;
    enum xnn_status xs = xnn_define_tensor_value(xb_cur_seg(st)->sg, xnn_datatype_fp32, (size_t)r, dims, NULL,
                                                 XNN_INVALID_VALUE_ID, 0, &mid);
    if (xs == xnn_status_success) xs = xnn_define_static_reshape(xb_cur_seg(st)->sg, (size_t)r, nd, st->vars[v].id, mid, 0);
    if (xs != xnn_status_success) return xb_xfail(err, "define broadcast reshape", n, xs);
    *id = mid;
    return LT_OK;
}

lt_status xb_compile_binary(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    int r = m->tensors[n->output].rank;
    int perm[LT_MAX_RANK];
    xb_identity_perm(perm, r);
    for (int k = 0; k < 2; k++) { /* follow the layout of a full-rank computed operand (xb_nhwc for feature maps) */
        int t = n->inputs[k];
        if (m->tensors[t].data == NULL && m->tensors[t].rank == r) {
            memcpy(perm, xb_primary_perm(st, t), sizeof perm);
            break;
        }
    }
    uint32_t a, b;
    int out;
    lt_status s;
    if ((s = binary_operand(st, n, n->inputs[0], r, perm, &a, err)) || (s = binary_operand(st, n, n->inputs[1], r, perm, &b, err)))
        return s;
    if ((s = xb_out_variant(st, n, perm, &out, err))) return s;
    enum xnn_status xs = n->kind == LT_OP_ADD
                             ? xnn_define_add2(xb_cur_seg(st)->sg, -INFINITY, INFINITY, a, b, st->vars[out].id, 0)
                             : xnn_define_multiply2(xb_cur_seg(st)->sg, -INFINITY, INFINITY, a, b, st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define elementwise op", n, xs);
}

lt_status xb_compile_gap(xnn_state *st, const lt_node *n, lt_error *err) {
    int in, out;
    lt_status s = xb_use(st, n->inputs[0], xb_nhwc, &in, err);
    if (s) return s;
    if ((s = xb_out_variant(st, n, xb_nhwc, &out, err))) return s;
    enum xnn_status xs = xnn_define_global_average_pooling_2d(xb_cur_seg(st)->sg, -INFINITY, INFINITY, st->vars[in].id,
                                                              st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define global average pooling", n, xs);
}

lt_status xb_compile_reshape(xnn_state *st, const lt_node *n, lt_error *err) {
    const lt_model *m = st->model;
    const lt_tensor *x = &m->tensors[n->inputs[0]], *y = &m->tensors[n->output];
    int src_perm[LT_MAX_RANK], out_perm[LT_MAX_RANK];
    memcpy(src_perm, xb_primary_perm(st, n->inputs[0]), sizeof src_perm);
    if (!lt_layout_reshape(x->dims, x->rank, src_perm, y->dims, y->rank, out_perm)) {
        xb_identity_perm(src_perm, x->rank); /* layout cannot carry over: reshape the plain (NCHW-ordered) bytes */
        xb_identity_perm(out_perm, y->rank);
    }
    int in, out;
    lt_status s = xb_use(st, n->inputs[0], src_perm, &in, err);
    if (s) return s;
    if ((s = xb_out_variant(st, n, out_perm, &out, err))) return s;
    size_t nd[LT_MAX_RANK];
    for (int i = 0; i < y->rank; i++) nd[i] = (size_t)st->vars[out].pdims[i];
    enum xnn_status xs = xnn_define_static_reshape(xb_cur_seg(st)->sg, (size_t)y->rank, nd, st->vars[in].id, st->vars[out].id, 0);
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define reshape", n, xs);
}

lt_status xb_compile_transpose(xnn_state *st, const lt_node *n, lt_error *err) {
    /* No data moves: the output is the input's memory with its axes relabelled. */
    const lt_tensor *y = &st->model->tensors[n->output];
    int src = st->primary[n->inputs[0]];
    int r = y->rank, inv[LT_MAX_RANK];
    for (int i = 0; i < r; i++) inv[n->p.transpose.perm[i]] = i;
    variant *vv = xb_grow(st->vars, &st->cap_vars, st->n_vars + 1, sizeof *vv);
    unsigned char *ef = vv != NULL ? xb_grow(st->ext_flags, &st->cap_ext_flags, st->n_vars + 1, 1) : NULL;
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

lt_status xb_compile_matmul(xnn_state *st, const lt_node *n, lt_error *err) {
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
    memcpy(perm, xb_primary_perm(st, tv), sizeof perm);
    if (perm[r - 1] != k_axis) {
        xb_identity_perm(perm, r);
        if (const_left) {
            perm[r - 2] = r - 1;
            perm[r - 1] = r - 2;
        }
    }
    int in, out;
    lt_status s = xb_use(st, tv, perm, &in, err);
    if (s) return s;
    if ((s = xb_out_variant(st, n, perm, &out, err))) return s;
    int64_t M = c->dims[c->rank - 2], K = c->dims[c->rank - 1];
    /* Filter [out_channels, in_channels]: const right B[K,N] -> B^T [N,K]; const left A[M,K] as is. */
    int64_t oc = const_left ? M : c->dims[c->rank - 1], ic = const_left ? K : M;
    float *w = xb_own(st, (size_t)(oc * ic));
    if (w == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    for (int64_t o = 0; o < oc; o++)
        for (int64_t i = 0; i < ic; i++) w[o * ic + i] = const_left ? c->data[o * K + i] : c->data[i * oc + o];
    uint32_t wid, bid = XNN_INVALID_VALUE_ID;
    int64_t wd[2] = {oc, ic};
    if ((s = xb_static_value(st, 2, wd, w, &wid, err))) return s;
    int bias = n->n_inputs > 2 ? n->inputs[2] : -1;
    if (bias >= 0 && !const_left) { /* bias on the last logical axis = FC output channels */
        float *bd = xb_own(st, (size_t)oc);
        if (bd == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
        const lt_tensor *bt = &m->tensors[bias];
        int64_t bn = lt_tensor_elements(bt);
        for (int64_t o = 0; o < oc; o++) bd[o] = bt->data[bn == 1 ? 0 : o];
        int64_t bdims[1] = {oc};
        if ((s = xb_static_value(st, 1, bdims, bd, &bid, err))) return s;
    }
    xnn_subgraph_t sg = xb_cur_seg(st)->sg;
    enum xnn_status xs;
    if (bias >= 0 && const_left) { /* FC into a temp, then add the bias laid out like the output */
        size_t dims[LT_MAX_RANK];
        for (int i = 0; i < r; i++) dims[i] = (size_t)st->vars[out].pdims[i];
        uint32_t mid, bv;
        xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, (size_t)r, dims, NULL, XNN_INVALID_VALUE_ID, 0, &mid);
        if (xs != xnn_status_success) return xb_xfail(err, "define value", n, xs);
        xs = xnn_define_fully_connected(sg, -INFINITY, INFINITY, st->vars[in].id, wid, XNN_INVALID_VALUE_ID, mid, 0);
        if (xs != xnn_status_success) return xb_xfail(err, "define fully connected", n, xs);
        if ((s = xb_const_value(st, bias, r, perm, &bv, err))) return s;
        xs = xnn_define_add2(xb_cur_seg(st)->sg, -INFINITY, INFINITY, mid, bv, st->vars[out].id, 0);
    } else {
        xs = xnn_define_fully_connected(sg, -INFINITY, INFINITY, st->vars[in].id, wid, bid, st->vars[out].id, 0);
    }
    return xs == xnn_status_success ? LT_OK : xb_xfail(err, "define fully connected", n, xs);
}
