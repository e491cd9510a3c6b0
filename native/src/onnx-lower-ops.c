/* ONNX loader, lowering element-wise ops and pooling. */
#include "onnx-loader.h"

lt_status ld_lower_unary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind) {
    lt_status s;
    int x;
    if ((s = ld_input_of(L, n, nn, 0, 1, &x))) return s;
    if (ld_is_const(L, x)) return ld_unsupported_attr_value(L, n, nn, "an activation of a constant is not supported");
    lt_node tmp;
    memset(&tmp, 0, sizeof tmp);
    if (kind == LT_OP_CLIP) {
        static const char *const known[] = {"min", "max", NULL};
        if ((s = ld_check_attrs(L, n, nn, known))) return s;
        float lo = ld_attr_float(n, "min", -INFINITY), hi = ld_attr_float(n, "max", INFINITY);
        int mn, mx;
        if ((s = ld_input_of(L, n, nn, 1, 0, &mn)) || (s = ld_input_of(L, n, nn, 2, 0, &mx))) return s;
        if ((mn >= 0 && (!ld_is_const(L, mn) || lt_tensor_elements(ld_tensor(L, mn)) != 1)) ||
            (mx >= 0 && (!ld_is_const(L, mx) || lt_tensor_elements(ld_tensor(L, mx)) != 1))) {
            return ld_unsupported_attr_value(L, n, nn, "min and max must be constant scalars");
        }
        if (mn >= 0) lo = ld_tensor(L, mn)->data[0];
        if (mx >= 0) hi = ld_tensor(L, mx)->data[0];
        if (!(lo <= hi)) return ld_unsupported_attr_value(L, n, nn, "min must not exceed max");
        tmp.p.clip.min = lo;
        tmp.p.clip.max = hi;
    } else if (kind == LT_OP_HARD_SIGMOID) {
        static const char *const known[] = {"alpha", "beta", NULL};
        if ((s = ld_check_attrs(L, n, nn, known))) return s;
        tmp.p.hard_sigmoid.alpha = ld_attr_float(n, "alpha", 0.2f);
        tmp.p.hard_sigmoid.beta = ld_attr_float(n, "beta", 0.5f);
    } else {
        static const char *const none[] = {NULL};
        if ((s = ld_check_attrs(L, n, nn, none))) return s;
    }
    int64_t d[LT_MAX_RANK];
    memcpy(d, ld_tensor(L, x)->dims, sizeof d);
    int out = ld_new_output(L, n, ld_tensor(L, x)->rank, d, NULL);
    if (out < 0) return ld_oom(L);
    lt_node *node = ld_add_op(L, nn, n->op_type, kind, out, x, -1, -1);
    if (node == NULL) return ld_oom(L);
    node->p = tmp.p;
    return LT_OK;
}

lt_status ld_lower_binary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind) {
    static const char *const none[] = {NULL};
    lt_status s = ld_check_attrs(L, n, nn, none);
    if (s) return s;
    int a, b;
    if ((s = ld_input_of(L, n, nn, 0, 1, &a)) || (s = ld_input_of(L, n, nn, 1, 1, &b))) return s;
    int rank;
    int64_t d[LT_MAX_RANK];
    if (!ld_broadcast(ld_tensor(L, a), ld_tensor(L, b), &rank, d)) {
        char as[96], bs[96];
        ld_dims_str(ld_tensor(L, a), as, sizeof as);
        ld_dims_str(ld_tensor(L, b), bs, sizeof bs);
        return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s': shapes %s and %s do not broadcast", n->op_type, nn, as, bs);
    }
    float *data = NULL;
    if (ld_is_const(L, a) && ld_is_const(L, b)) { /* fold */
        lt_tensor o = {0};
        o.rank = rank;
        memcpy(o.dims, d, sizeof d);
        int64_t cnt = lt_tensor_elements(&o);
        data = ld_alloc_floats(cnt);
        if (data == NULL) return ld_oom(L);
        int64_t idx[LT_MAX_RANK] = {0};
        for (int64_t k = 0; k < cnt; k++) {
            float va = ld_bcast_at(ld_tensor(L, a), rank, idx), vb = ld_bcast_at(ld_tensor(L, b), rank, idx);
            data[k] = kind == LT_OP_ADD ? va + vb : va * vb;
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < d[i]) break;
                idx[i] = 0;
            }
        }
    }
    int out = ld_new_output(L, n, rank, d, data);
    if (out < 0) {
        free(data);
        return ld_oom(L);
    }
    if (data != NULL) return LT_OK;
    lt_node *node = ld_add_op(L, nn, n->op_type, kind, out, a, b, -1);
    if (node == NULL) return ld_oom(L);
    return LT_OK;
}

static lt_status add_gap(loader *L, const char *nn, const char *op, int x, int out) {
    lt_node *node = ld_add_op(L, nn, op, LT_OP_GLOBAL_AVG_POOL, out, x, -1, -1);
    if (node == NULL) return ld_oom(L);
    return LT_OK;
}

lt_status ld_add_reshape(loader *L, const char *nn, const char *op, int x, int out) {
    lt_node *node = ld_add_op(L, nn, op, LT_OP_RESHAPE, out, x, -1, -1);
    if (node == NULL) return ld_oom(L);
    return LT_OK;
}

lt_status ld_lower_pool(loader *L, const Onnx__NodeProto *n, const char *nn, int reduce_mean) {
    lt_status s;
    int x, ax = -1;
    if ((s = ld_input_of(L, n, nn, 0, 1, &x))) return s;
    lt_tensor *X = ld_tensor(L, x);
    if (ld_is_const(L, x)) return ld_unsupported_attr_value(L, n, nn, "pooling a constant is not supported");
    if (X->rank != 4) return ld_unsupported_attr_value(L, n, nn, "only rank-4 NCHW input is supported");
    int keep = 1;
    if (reduce_mean) {
        static const char *const known[] = {"axes", "keepdims", "noop_with_empty_axes", NULL};
        if ((s = ld_check_attrs(L, n, nn, known))) return s;
        keep = (int)ld_attr_int(n, "keepdims", 1);
        const int64_t *axes = NULL;
        size_t n_axes = 0;
        const Onnx__AttributeProto *a = ld_attr(n, "axes");
        if (a != NULL) {
            axes = a->ints;
            n_axes = a->n_ints;
        } else {
            if ((s = ld_input_of(L, n, nn, 1, 0, &ax))) return s;
            if (ax >= 0) {
                if (L->i64[ax] == NULL) return ld_unsupported_attr_value(L, n, nn, "axes must be a constant int64 tensor");
                axes = L->i64[ax];
                n_axes = (size_t)lt_tensor_elements(ld_tensor(L, ax));
            }
        }
        int h = 0, w = 0, other = 0;
        for (size_t i = 0; i < n_axes; i++) {
            int64_t v = axes[i] < 0 ? axes[i] + 4 : axes[i];
            if (v == 2) h = 1;
            else if (v == 3) w = 1;
            else other = 1;
        }
        if (!h || !w || other || n_axes != 2) {
            return ld_unsupported_attr_value(L, n, nn, "only a mean over axes {2,3} (H and W of NCHW) is supported");
        }
    } else {
        static const char *const none[] = {NULL};
        if ((s = ld_check_attrs(L, n, nn, none))) return s;
    }
    int64_t pd[4] = {X->dims[0], X->dims[1], 1, 1};
    if (keep) {
        int out = ld_new_output(L, n, 4, pd, NULL);
        if (out < 0) return ld_oom(L);
        return add_gap(L, nn, n->op_type, x, out);
    }
    int mid = ld_new_temp(L, nn, "pooled", 4, pd);
    int out = mid >= 0 ? ld_new_output(L, n, 2, pd, NULL) : -1;
    if (out < 0) return ld_oom(L);
    if ((s = add_gap(L, nn, n->op_type, x, mid))) return s;
    return ld_add_reshape(L, nn, n->op_type, mid, out);
}
