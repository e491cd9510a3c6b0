/* ONNX loader, lowering Conv and BatchNormalization (folded into the Conv before it). */
#include "onnx-loader.h"

lt_status ld_unsupported_attr_value(loader *L, const Onnx__NodeProto *n, const char *nn, const char *what) {
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s node '%s': %s", n->op_type, nn, what);
}

lt_status ld_lower_conv(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"auto_pad", "dilations", "group", "kernel_shape", "pads", "strides", NULL};
    lt_status s = ld_check_attrs(L, n, nn, known);
    if (s) return s;
    int x, w, b;
    if ((s = ld_input_of(L, n, nn, 0, 1, &x)) || (s = ld_input_of(L, n, nn, 1, 1, &w)) || (s = ld_input_of(L, n, nn, 2, 0, &b)))
        return s;
    lt_tensor *X = ld_tensor(L, x), *W = ld_tensor(L, w);
    if (X->rank != 4 || W->rank != 4) {
        return ld_unsupported_attr_value(L, n, nn, "only 2-D convolution (rank-4 input and weights) is supported");
    }
    if (!ld_is_const(L, w) || (b >= 0 && !ld_is_const(L, b))) {
        return ld_unsupported_attr_value(L, n, nn, "weights and bias must be constants (initializers)");
    }
    if (ld_is_const(L, x)) return ld_unsupported_attr_value(L, n, nn, "a convolution of a constant input is not supported");
    lt_conv_params p;
    memset(&p, 0, sizeof p);
    int64_t group = ld_attr_int(n, "group", 1);
    int64_t cin = X->dims[1], cout = W->dims[0];
    if (group < 1 || cin % group != 0 || cout % group != 0 || W->dims[1] != cin / group) {
        char xs[96], ws[96];
        ld_dims_str(X, xs, sizeof xs);
        ld_dims_str(W, ws, sizeof ws);
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': input %s, weights %s and group %lld do not fit", nn, xs,
                       ws, (long long)group);
    }
    if (b >= 0 && (ld_tensor(L, b)->rank != 1 || ld_tensor(L, b)->dims[0] != cout)) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': bias must have shape [%lld]", nn, (long long)cout);
    }
    p.group = (int)group;
    p.kernel_h = (int)W->dims[2];
    p.kernel_w = (int)W->dims[3];
    const Onnx__AttributeProto *a;
    if ((a = ld_attr(n, "kernel_shape")) != NULL && (a->n_ints != 2 || a->ints[0] != p.kernel_h || a->ints[1] != p.kernel_w)) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': kernel_shape does not match the weights", nn);
    }
    p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = 1;
    if ((a = ld_attr(n, "strides")) != NULL) {
        if (a->n_ints != 2 || a->ints[0] < 1 || a->ints[1] < 1 || a->ints[0] > 4096 || a->ints[1] > 4096)
            return ld_unsupported_attr_value(L, n, nn, "strides must be 2 values from 1 to 4096");
        p.stride_h = (int)a->ints[0];
        p.stride_w = (int)a->ints[1];
    }
    if ((a = ld_attr(n, "dilations")) != NULL) {
        if (a->n_ints != 2 || a->ints[0] < 1 || a->ints[1] < 1 || a->ints[0] > 4096 || a->ints[1] > 4096)
            return ld_unsupported_attr_value(L, n, nn, "dilations must be 2 values from 1 to 4096");
        p.dilation_h = (int)a->ints[0];
        p.dilation_w = (int)a->ints[1];
    }
    char ap[32];
    const char *auto_pad = ld_attr_string(n, "auto_pad", "NOTSET", ap, sizeof ap);
    int64_t ih = X->dims[2], iw = X->dims[3];
    int64_t ekh = (int64_t)(p.kernel_h - 1) * p.dilation_h + 1, ekw = (int64_t)(p.kernel_w - 1) * p.dilation_w + 1;
    int64_t oh, ow;
    if (strcmp(auto_pad, "NOTSET") == 0) {
        if ((a = ld_attr(n, "pads")) != NULL) {
            if (a->n_ints != 4) return ld_unsupported_attr_value(L, n, nn, "pads must have 4 values for 2-D convolution");
            for (int i = 0; i < 4; i++) {
                if (a->ints[i] < 0 || a->ints[i] > 4096) return ld_unsupported_attr_value(L, n, nn, "pads must be from 0 to 4096");
            }
            p.pad_top = (int)a->ints[0];
            p.pad_left = (int)a->ints[1];
            p.pad_bottom = (int)a->ints[2];
            p.pad_right = (int)a->ints[3];
        }
        oh = (ih + p.pad_top + p.pad_bottom - ekh) / p.stride_h + 1;
        ow = (iw + p.pad_left + p.pad_right - ekw) / p.stride_w + 1;
    } else if (strcmp(auto_pad, "VALID") == 0) {
        oh = (ih - ekh) / p.stride_h + 1;
        ow = (iw - ekw) / p.stride_w + 1;
    } else if (strcmp(auto_pad, "SAME_UPPER") == 0 || strcmp(auto_pad, "SAME_LOWER") == 0) {
        oh = (ih + p.stride_h - 1) / p.stride_h;
        ow = (iw + p.stride_w - 1) / p.stride_w;
        int64_t th = (oh - 1) * p.stride_h + ekh - ih, tw = (ow - 1) * p.stride_w + ekw - iw;
        if (th < 0) th = 0;
        if (tw < 0) tw = 0;
        int upper = strcmp(auto_pad, "SAME_UPPER") == 0; /* the extra pad goes at the end for SAME_UPPER */
        p.pad_top = (int)(upper ? th / 2 : th - th / 2);
        p.pad_bottom = (int)(th - p.pad_top);
        p.pad_left = (int)(upper ? tw / 2 : tw - tw / 2);
        p.pad_right = (int)(tw - p.pad_left);
    } else {
        return ld_unsupported_attr_value(L, n, nn, "auto_pad must be NOTSET, VALID, SAME_UPPER or SAME_LOWER");
    }
    if (oh < 1 || ow < 1) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': the kernel does not fit the %lldx%lld input", nn,
                       (long long)ih, (long long)iw);
    }
    int64_t od[4] = {X->dims[0], cout, oh, ow};
    int out = ld_new_output(L, n, 4, od, NULL);
    if (out < 0) return ld_oom(L);
    lt_node *node = ld_add_op(L, nn, n->op_type, LT_OP_CONV, out, x, w, b);
    if (node == NULL) return ld_oom(L);
    node->p.conv = p;
    return LT_OK;
}

/* Which node produced tensor t (or -1). */
static int producer(loader *L, int t) {
    for (int i = L->m->n_nodes - 1; i >= 0; i--) {
        if (L->m->nodes[i].output == t) return i;
    }
    return -1;
}

lt_status ld_lower_batchnorm(loader *L, const Onnx__NodeProto *n, const char *nn, int x_uses) {
    static const char *const known[] = {"epsilon", "momentum", "training_mode", "spatial", NULL};
    lt_status s = ld_check_attrs(L, n, nn, known);
    if (s) return s;
    if (ld_attr_int(n, "training_mode", 0) != 0 || n->n_output > 1) {
        return ld_unsupported_attr_value(L, n, nn, "training mode is not supported (export the model in eval mode)");
    }
    if (ld_attr_int(n, "spatial", 1) != 1) return ld_unsupported_attr_value(L, n, nn, "spatial=0 is not supported");
    int x, sc, bi, mean, var;
    if ((s = ld_input_of(L, n, nn, 0, 1, &x)) || (s = ld_input_of(L, n, nn, 1, 1, &sc)) || (s = ld_input_of(L, n, nn, 2, 1, &bi)) ||
        (s = ld_input_of(L, n, nn, 3, 1, &mean)) || (s = ld_input_of(L, n, nn, 4, 1, &var)))
        return s;
    if (!ld_is_const(L, sc) || !ld_is_const(L, bi) || !ld_is_const(L, mean) || !ld_is_const(L, var)) {
        return ld_unsupported_attr_value(L, n, nn, "scale, bias, mean and variance must be constants");
    }
    lt_tensor *X = ld_tensor(L, x);
    if (X->rank < 2) return ld_unsupported_attr_value(L, n, nn, "input must have a channel axis (rank >= 2)");
    int64_t c = X->dims[1];
    int ids[4] = {sc, bi, mean, var};
    for (int i = 0; i < 4; i++) {
        if (lt_tensor_elements(ld_tensor(L, ids[i])) != c) {
            return lt_fail(L->err, LT_ERR_MODEL, "BatchNormalization node '%s': parameters must have %lld values", nn,
                           (long long)c);
        }
    }
    float eps = ld_attr_float(n, "epsilon", 1e-5f);
    float *scale = ld_alloc_floats(c), *shift = ld_alloc_floats(c);
    if (scale == NULL || shift == NULL) {
        free(scale);
        free(shift);
        return ld_oom(L);
    }
    for (int64_t i = 0; i < c; i++) {
        double k = ld_tensor(L, sc)->data[i] / sqrt((double)ld_tensor(L, var)->data[i] + eps);
        scale[i] = (float)k;
        shift[i] = (float)(ld_tensor(L, bi)->data[i] - ld_tensor(L, mean)->data[i] * k);
    }
    int pi = producer(L, x);
    lt_node *conv = pi >= 0 ? &L->m->nodes[pi] : NULL;
    if (conv != NULL && conv->kind == LT_OP_CONV && x_uses == 1 && !ld_tensor(L, x)->is_output) {
        /* Fold: W' = W * k per output channel, B' = (B - mean) * k + bias. */
        lt_tensor *W = ld_tensor(L, conv->inputs[1]);
        int64_t per = lt_tensor_elements(W) / c;
        for (int64_t o = 0; o < c; o++) {
            for (int64_t j = 0; j < per; j++) W->data[o * per + j] *= scale[o];
        }
        if (conv->inputs[2] >= 0) {
            lt_tensor *B = ld_tensor(L, conv->inputs[2]);
            for (int64_t o = 0; o < c; o++) shift[o] += B->data[o] * scale[o];
        }
        int64_t bd[1] = {c};
        int bt = ld_new_temp(L, nn, "folded_bias", 1, bd);
        if (bt < 0) {
            free(scale);
            free(shift);
            return ld_oom(L);
        }
        ld_tensor(L, bt)->data = shift;
        conv = &L->m->nodes[pi];
        conv->inputs[2] = bt;
        conv->n_inputs = 3;
        free(scale);
        /* The BN's output name now names the conv's output. */
        const char *oname = n->n_output > 0 && n->output[0] != NULL ? n->output[0] : "";
        if (ld_bind_name(L, oname, x) != 0) return ld_oom(L);
        return LT_OK;
    }
    /* Standalone: y = x * scale + shift with [1, C, 1, ...] constants. */
    int64_t pd[LT_MAX_RANK];
    for (int i = 0; i < X->rank; i++) pd[i] = i == 1 ? c : 1;
    int st = ld_new_temp(L, nn, "scale", X->rank, pd);
    if (st < 0) {
        free(scale);
        free(shift);
        return ld_oom(L);
    }
    ld_tensor(L, st)->data = scale;
    int ht = ld_new_temp(L, nn, "shift", X->rank, pd);
    if (ht < 0) {
        free(shift);
        return ld_oom(L);
    }
    ld_tensor(L, ht)->data = shift;
    X = ld_tensor(L, x);
    int64_t xd[LT_MAX_RANK];
    memcpy(xd, X->dims, sizeof xd);
    int mid = ld_new_temp(L, nn, "scaled", X->rank, xd);
    int out = mid >= 0 ? ld_new_output(L, n, ld_tensor(L, x)->rank, xd, NULL) : -1;
    if (out < 0) return ld_oom(L);
    lt_node *mul = ld_add_op(L, nn, n->op_type, LT_OP_MUL, mid, x, st, -1);
    if (mul == NULL) return ld_oom(L);
    lt_node *add = ld_add_op(L, nn, n->op_type, LT_OP_ADD, out, mid, ht, -1);
    if (add == NULL) return ld_oom(L);
    return LT_OK;
}
