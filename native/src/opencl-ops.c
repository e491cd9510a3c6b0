/* gpu backend (OpenCL), op compilation into kernel steps. */
#include "opencl-build.h"

lt_status gb_unsupported(const lt_node *node, lt_error *err, const char *why) {
    return lt_fail(err, LT_ERR_UNSUPPORTED, "gpu backend cannot run node '%s' (op %s): %s", node->name, node->onnx_op,
                   why);
}

static lt_status compile_conv(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    const lt_tensor *w = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    const lt_conv_params *c = &node->p.conv;
    if (x->rank != 4 || w->rank != 4 || y->rank != 4 || !w->data) {
        return gb_unsupported(node, err, "only 2-D convolution (NCHW input, constant 4-D weights) is supported");
    }
    int N = (int)x->dims[0], C = (int)x->dims[1], H = (int)x->dims[2], W = (int)x->dims[3];
    int OC = (int)y->dims[1], OH = (int)y->dims[2], OW = (int)y->dims[3];
    int G = c->group;
    if (G < 1 || C % G != 0 || OC % G != 0 || w->dims[1] != C / G) {
        return gb_unsupported(node, err, "group must divide input and output channels");
    }
    size_t n_weights = (size_t)gb_elements_of(w);
    const lt_tensor *b = node->n_inputs > 2 && node->inputs[2] >= 0 ? &st->model->tensors[node->inputs[2]] : NULL;
    if (b && (!b->data || gb_elements_of(b) != OC)) return gb_unsupported(node, err, "bias must be a constant of [out channels]");
    cl_mem xm, ym, wm, bm;
    if (gb_tensor_buffer(st, node->inputs[0], &xm, err) || gb_tensor_buffer(st, f->target, &ym, err)) return err->code;

    int pointwise = G == 1 && c->kernel_h == 1 && c->kernel_w == 1 && c->stride_h == 1 && c->stride_w == 1 &&
                    c->pad_top == 0 && c->pad_left == 0 && c->pad_bottom == 0 && c->pad_right == 0;
    int depthwise = G == C && OC == C && c->kernel_h == c->kernel_w && c->dilation_h == 1 && c->dilation_w == 1 &&
                    (c->kernel_h == 3 || c->kernel_h == 5 || c->kernel_h == 7) && c->stride_h == c->stride_w &&
                    (c->stride_h == 1 || c->stride_h == 2);
    if (G == 1) {
        /* repack [OC][C*KH*KW] to [OC/4][C*KH*KW][4], zero padded: a work item reads 4 channels' weights as one
         * vector */
        int blocks = (OC + 7) / 8 * 2, taps = C * c->kernel_h * c->kernel_w; /* even: pointwise reads pairs */
        float *packed = calloc((size_t)blocks * taps * 4, sizeof *packed);
        float *bias = calloc((size_t)blocks * 4, sizeof *bias);
        if (!packed || !bias) {
            free(packed);
            free(bias);
            return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
        }
        for (int oc = 0; oc < OC; oc++) {
            for (int t = 0; t < taps; t++) packed[((size_t)(oc / 4) * taps + t) * 4 + oc % 4] = w->data[(size_t)oc * taps + t];
            if (b) bias[oc] = b->data[oc];
        }
        lt_status s = gb_upload(st, packed, (size_t)blocks * taps * 4, &wm, err);
        if (!s) s = gb_upload(st, bias, (size_t)blocks * 4, &bm, err);
        free(packed);
        free(bias);
        if (s) return s;
        if (pointwise) {
            karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H * W), A_INT(OC),
                           A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
            return gb_add_step(st, index, "pointwise", args, 10, 3, (size_t)(H * W + 3) / 4, (size_t)blocks / 2, (size_t)N,
                            err);
        }
        karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OC),
                       A_INT(OH), A_INT(OW), A_INT(c->kernel_h), A_INT(c->kernel_w), A_INT(c->stride_h),
                       A_INT(c->stride_w), A_INT(c->pad_top), A_INT(c->pad_left), A_INT(c->dilation_h),
                       A_INT(c->dilation_w), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
        return gb_add_step(st, index, "conv2d_oc4", args, 21, 3, (size_t)OW, (size_t)OH, (size_t)N * ((OC + 3) / 4), err);
    }
    float *bias = calloc((size_t)OC, sizeof *bias);
    if (!bias) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    if (b) memcpy(bias, b->data, (size_t)OC * sizeof *bias);
    lt_status s = gb_upload(st, bias, (size_t)OC, &bm, err);
    free(bias);
    if (s || gb_upload(st, w->data, n_weights, &wm, err)) return err->code;
    if (depthwise) {
        char name[24];
        snprintf(name, sizeof name, "depthwise%d_s%dx4", c->kernel_h, c->stride_h);
        karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OH),
                       A_INT(OW), A_INT(c->pad_top), A_INT(c->pad_left), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
        return gb_add_step(st, index, name, args, 14, 3, (size_t)(OW + 3) / 4, (size_t)OH, (size_t)N * C, err);
    }
    karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OC), A_INT(OH),
                   A_INT(OW), A_INT(c->kernel_h), A_INT(c->kernel_w), A_INT(c->stride_h), A_INT(c->stride_w),
                   A_INT(c->pad_top), A_INT(c->pad_left), A_INT(c->dilation_h), A_INT(c->dilation_w), A_INT(G),
                   A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
    return gb_add_step(st, index, "conv2d", args, 22, 3, (size_t)OW, (size_t)OH, (size_t)N * OC, err);
}

/* Leading (batch) elements of a matrix operand: product of all dims but the last two. */
static int64_t batch_of(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i + 2 < t->rank; i++) n *= t->dims[i];
    return n;
}

static lt_status compile_matmul(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *a = &st->model->tensors[node->inputs[0]];
    const lt_tensor *b = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    if (a->rank < 1 || b->rank < 1) return gb_unsupported(node, err, "operands must have rank >= 1");
    int64_t M = a->rank >= 2 ? a->dims[a->rank - 2] : 1, K = a->dims[a->rank - 1];
    int64_t KB = b->rank >= 2 ? b->dims[b->rank - 2] : b->dims[0], N = b->rank >= 2 ? b->dims[b->rank - 1] : 1;
    int64_t batch_a = batch_of(a), batch_b = batch_of(b);
    int64_t batch = batch_a > batch_b ? batch_a : batch_b;
    if (K != KB) return gb_unsupported(node, err, "inner dimensions differ");
    if (batch_a != batch_b && batch_a != 1 && batch_b != 1) {
        return gb_unsupported(node, err, "batch dimensions must match or one operand must have none");
    }
    if (batch * M * N != gb_elements_of(y)) return gb_unsupported(node, err, "output shape is not batch x M x N");
    const lt_tensor *bias_t = node->n_inputs > 2 && node->inputs[2] >= 0 ? &st->model->tensors[node->inputs[2]] : NULL;
    if (bias_t && (!bias_t->data || (gb_elements_of(bias_t) != N && gb_elements_of(bias_t) != 1))) {
        return gb_unsupported(node, err, "bias must be a constant of [N] or a scalar");
    }
    float *bias = calloc((size_t)N, sizeof *bias);
    if (!bias) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    for (int64_t j = 0; bias_t && j < N; j++) bias[j] = bias_t->data[gb_elements_of(bias_t) == 1 ? 0 : j];
    cl_mem am, bm, biasm, ym;
    lt_status s = gb_upload(st, bias, (size_t)N, &biasm, err);
    free(bias);
    if (s || gb_tensor_buffer(st, node->inputs[0], &am, err) || gb_tensor_buffer(st, node->inputs[1], &bm, err) ||
        gb_tensor_buffer(st, f->target, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(biasm), A_MEM(ym), A_INT(M), A_INT(K), A_INT(N),
                   A_INT(batch_a == 1 ? 0 : M * K), A_INT(batch_b == 1 ? 0 : K * N), A_INT(f->act), A_FLT(f->p0),
                   A_FLT(f->p1)};
    return gb_add_step(st, index, "matmul", args, 12, 3, (size_t)N, (size_t)M, (size_t)batch, err);
}

static int same_shape(const lt_tensor *a, const lt_tensor *b) {
    if (a->rank != b->rank) return 0;
    for (int i = 0; i < a->rank; i++) {
        if (a->dims[i] != b->dims[i]) return 0;
    }
    return 1;
}

/* Strides of t right-aligned into the 4-axis output shape `out`; 0 on broadcast axes. */
static void broadcast_strides(const lt_tensor *t, const int64_t out[4], int64_t strides[4]) {
    int64_t stride = 1;
    for (int axis = 3; axis >= 0; axis--) {
        int src = t->rank - (4 - axis);
        int64_t d = src >= 0 ? t->dims[src] : 1;
        strides[axis] = (d == 1 && out[axis] != 1) ? 0 : stride;
        stride *= d;
    }
}

static lt_status compile_binary(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *a = &st->model->tensors[node->inputs[0]];
    const lt_tensor *b = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    int op = node->kind == LT_OP_MUL ? 1 : 0;
    cl_mem am, bm, ym;
    if (gb_tensor_buffer(st, node->inputs[0], &am, err) || gb_tensor_buffer(st, node->inputs[1], &bm, err) ||
        gb_tensor_buffer(st, f->target, &ym, err)) {
        return err->code;
    }
    size_t count = (size_t)gb_elements_of(y);
    if (same_shape(a, y) && same_shape(b, y)) {
        karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(ym), A_INT(op), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1),
                       A_INT(count)};
        return gb_add_step(st, index, "binary_same", args, 8, 1, count, 1, 1, err);
    }
    /* one operand per channel ([N,C,1,1]), the other the full map: the SE / channel attention scaling */
    for (int k = 0; k < 2 && y->rank == 4; k++) {
        const lt_tensor *full = k ? b : a, *per_channel = k ? a : b;
        if (same_shape(full, y) && per_channel->rank == 4 && per_channel->dims[0] == y->dims[0] &&
            per_channel->dims[1] == y->dims[1] && per_channel->dims[2] == 1 && per_channel->dims[3] == 1) {
            int hw = (int)(y->dims[2] * y->dims[3]), nc = (int)(y->dims[0] * y->dims[1]);
            cl_mem xm = k ? bm : am, sm = k ? am : bm;
            karg args[] = {A_MEM(xm), A_MEM(sm), A_MEM(ym), A_INT(op), A_INT(hw), A_INT(nc),
                           A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
            return gb_add_step(st, index, "channel_binary", args, 9, 2, (size_t)hw, (size_t)nc, 1, err);
        }
    }
    if (y->rank > 4 || a->rank > 4 || b->rank > 4) {
        return gb_unsupported(node, err, "broadcasting is supported up to rank 4");
    }
    int64_t out[4], sa[4], sb[4];
    for (int axis = 0; axis < 4; axis++) {
        int src = y->rank - (4 - axis);
        out[axis] = src >= 0 ? y->dims[src] : 1;
    }
    broadcast_strides(a, out, sa);
    broadcast_strides(b, out, sb);
    karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(ym), A_INT(op), A_INT4(out[0], out[1], out[2], out[3]),
                   A_INT4(sa[0], sa[1], sa[2], sa[3]), A_INT4(sb[0], sb[1], sb[2], sb[3]), A_INT(f->act),
                   A_FLT(f->p0), A_FLT(f->p1), A_INT(count)};
    return gb_add_step(st, index, "binary_broadcast", args, 11, 1, count, 1, 1, err);
}

static lt_status compile_pool(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    if (x->rank != 4) return gb_unsupported(node, err, "global average pool needs an NCHW input");
    cl_mem xm, ym;
    if (gb_tensor_buffer(st, node->inputs[0], &xm, err) || gb_tensor_buffer(st, st->fused[index].target, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(xm), A_MEM(ym), A_INT(x->dims[2] * x->dims[3]), A_INT(x->dims[0] * x->dims[1])};
    return gb_add_step(st, index, "global_avg_pool", args, 4, 1, (size_t)(x->dims[0] * x->dims[1]), 1, 1, err);
}

static lt_status compile_activation(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    float p0, p1;
    lt_cl_act act = lt_cl_node_act(node, &p0, &p1);
    cl_mem xm, ym;
    if (gb_tensor_buffer(st, node->inputs[0], &xm, err) || gb_tensor_buffer(st, node->output, &ym, err)) return err->code;
    size_t count = (size_t)gb_elements_of(&st->model->tensors[node->output]);
    karg args[] = {A_MEM(xm), A_MEM(ym), A_INT(act), A_FLT(p0), A_FLT(p1), A_INT(count)};
    return gb_add_step(st, index, "activation", args, 6, 1, count, 1, 1, err);
}

static lt_status compile_transpose(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    int rank = x->rank;
    cl_int meta[13] = {rank};
    int64_t in_stride[LT_MAX_RANK];
    int64_t stride = 1;
    for (int axis = rank - 1; axis >= 0; axis--) {
        in_stride[axis] = stride;
        stride *= x->dims[axis];
    }
    for (int axis = 0; axis < rank; axis++) {
        int from = node->p.transpose.perm[axis];
        if (from < 0 || from >= rank) return gb_unsupported(node, err, "perm is not a permutation of the input axes");
        meta[1 + axis] = (cl_int)x->dims[from];
        meta[7 + axis] = (cl_int)in_stride[from];
    }
    cl_mem xm, ym, metam;
    if (gb_new_buffer(st, sizeof meta, meta, &metam, err) || gb_tensor_buffer(st, node->inputs[0], &xm, err) ||
        gb_tensor_buffer(st, node->output, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(xm), A_MEM(ym), A_MEM(metam), A_INT(gb_elements_of(x))};
    return gb_add_step(st, index, "transpose", args, 4, 1, (size_t)gb_elements_of(x), 1, 1, err);
}

lt_status gb_compile_node(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    if (st->fused[index].fused_into >= 0) return LT_OK;
    switch (node->kind) {
    case LT_OP_CONV: return compile_conv(st, index, err);
    case LT_OP_MATMUL: return compile_matmul(st, index, err);
    case LT_OP_ADD:
    case LT_OP_MUL: return compile_binary(st, index, err);
    case LT_OP_RELU:
    case LT_OP_CLIP:
    case LT_OP_SIGMOID:
    case LT_OP_HARD_SIGMOID:
    case LT_OP_HARD_SWISH: return compile_activation(st, index, err);
    case LT_OP_GLOBAL_AVG_POOL: return compile_pool(st, index, err);
    case LT_OP_TRANSPOSE: return compile_transpose(st, index, err);
    case LT_OP_RESHAPE:
        /* NCHW is contiguous, so a reshape is a view unless its input is a graph output read elsewhere: still a
         * view, nothing writes in place. */
        st->alias[node->output] = node->inputs[0];
        return LT_OK;
    }
    return gb_unsupported(node, err, "op kind not implemented; supported: Conv, MatMul/Gemm, Add, Mul, Relu, Clip, "
                                  "Sigmoid, HardSigmoid, HardSwish, GlobalAveragePool, Reshape, Flatten, Transpose");
}
