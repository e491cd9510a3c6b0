/* ONNX loader, attributes and tensor helpers. */
#include "onnx-loader.h"

const Onnx__AttributeProto *ld_attr(const Onnx__NodeProto *n, const char *name) {
    for (size_t i = 0; i < n->n_attribute; i++) {
        if (n->attribute[i]->name != NULL && strcmp(n->attribute[i]->name, name) == 0) return n->attribute[i];
    }
    return NULL;
}

int64_t ld_attr_int(const Onnx__NodeProto *n, const char *name, int64_t dflt) {
    const Onnx__AttributeProto *a = ld_attr(n, name);
    return a != NULL && a->has_i ? a->i : dflt;
}

float ld_attr_float(const Onnx__NodeProto *n, const char *name, float dflt) {
    const Onnx__AttributeProto *a = ld_attr(n, name);
    return a != NULL && a->has_f ? a->f : dflt;
}

const char *ld_attr_string(const Onnx__NodeProto *n, const char *name, const char *dflt, char *buf, size_t cap) {
    const Onnx__AttributeProto *a = ld_attr(n, name);
    if (a == NULL || !a->has_s) return dflt;
    size_t len = a->s.len < cap - 1 ? a->s.len : cap - 1;
    memcpy(buf, a->s.data, len);
    buf[len] = '\0';
    return buf;
}

/* Fails naming the attribute when the node has any attribute outside `known` (a NULL-terminated list). */
lt_status ld_check_attrs(loader *L, const Onnx__NodeProto *n, const char *node_name, const char *const *known) {
    for (size_t i = 0; i < n->n_attribute; i++) {
        const char *an = n->attribute[i]->name ? n->attribute[i]->name : "";
        int ok = 0;
        for (const char *const *k = known; *k != NULL; k++) {
            if (strcmp(*k, an) == 0) ok = 1;
        }
        if (!ok) {
            return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s node '%s': attribute '%s' is not supported", n->op_type,
                           node_name, an);
        }
    }
    return LT_OK;
}

lt_tensor *ld_tensor(loader *L, int i) { return &L->m->tensors[i]; }

int ld_is_const(loader *L, int i) { return i >= 0 && ld_tensor(L, i)->data != NULL; }

/* Resolves a node input; fails when it is not defined yet (or missing where required). */
lt_status ld_input_of(loader *L, const Onnx__NodeProto *n, const char *node_name, size_t k, int required, int *out) {
    *out = -1;
    if (k >= n->n_input || n->input[k] == NULL || n->input[k][0] == '\0') {
        if (required) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s' lacks its input %zu", n->op_type, node_name, k + 1);
        }
        return LT_OK;
    }
    int t = ld_find_name(L, n->input[k]);
    if (t < 0) {
        return lt_fail(L->err, LT_ERR_MODEL,
                       "%s node '%s' reads tensor '%s', which no earlier node, input or initializer defines "
                       "(the graph must be topologically sorted)",
                       n->op_type, node_name, n->input[k]);
    }
    *out = t;
    return LT_OK;
}

void ld_dims_str(const lt_tensor *t, char *buf, size_t cap) {
    size_t o = 0;
    o += (size_t)snprintf(buf + o, cap - o, "[");
    for (int i = 0; i < t->rank && o < cap; i++) {
        o += (size_t)snprintf(buf + o, cap - o, i ? ",%lld" : "%lld", (long long)t->dims[i]);
    }
    if (o < cap) snprintf(buf + o, cap - o, "]");
}

/* numpy broadcasting of two shapes; returns 0 when incompatible. */
int ld_broadcast(const lt_tensor *a, const lt_tensor *b, int *rank, int64_t *dims) {
    int r = a->rank > b->rank ? a->rank : b->rank;
    for (int i = 0; i < r; i++) {
        int ia = i - (r - a->rank), ib = i - (r - b->rank);
        int64_t da = ia >= 0 ? a->dims[ia] : 1, db = ib >= 0 ? b->dims[ib] : 1;
        if (da != db && da != 1 && db != 1) return 0;
        dims[i] = da == 1 ? db : da;
    }
    *rank = r;
    return 1;
}

/* Element of constant t at the broadcast position `idx` (in a rank-r output index space). */
float ld_bcast_at(const lt_tensor *t, int r, const int64_t *idx) {
    int64_t off = 0;
    for (int i = 0; i < t->rank; i++) {
        int64_t d = t->dims[i];
        int64_t v = d == 1 ? 0 : idx[i + (r - t->rank)];
        off = off * d + v;
    }
    return t->data[off];
}

float *ld_alloc_floats(int64_t n) { return malloc((size_t)(n > 0 ? n : 1) * sizeof(float)); }

/* Output tensor of a node, bound to the node's ONNX output name. */
int ld_new_output(loader *L, const Onnx__NodeProto *n, int rank, const int64_t *dims, float *data) {
    const char *name = n->n_output > 0 && n->output[0] != NULL ? n->output[0] : "";
    return ld_add_tensor(L, name, rank, dims, data);
}

/* Temporary tensor between two lowered ops of one ONNX node. */
int ld_new_temp(loader *L, const char *node_name, const char *suffix, int rank, const int64_t *dims) {
    char name[512];
    snprintf(name, sizeof name, "%s/%s", node_name, suffix);
    return ld_add_tensor(L, name, rank, dims, NULL);
}

/* Permutes constant data: out dim i = in dim perm[i]. */
float *ld_permute_data(const lt_tensor *t, const int *perm, int64_t *out_dims) {
    int r = t->rank;
    int64_t n = lt_tensor_elements(t);
    float *o = ld_alloc_floats(n);
    if (o == NULL) return NULL;
    int64_t in_stride[LT_MAX_RANK];
    int64_t s = 1;
    for (int i = r - 1; i >= 0; i--) {
        in_stride[i] = s;
        s *= t->dims[i];
    }
    for (int i = 0; i < r; i++) out_dims[i] = t->dims[perm[i]];
    int64_t idx[LT_MAX_RANK] = {0};
    for (int64_t k = 0; k < n; k++) {
        int64_t off = 0;
        for (int i = 0; i < r; i++) off += idx[i] * in_stride[perm[i]];
        o[k] = t->data[off];
        for (int i = r - 1; i >= 0; i--) {
            if (++idx[i] < out_dims[i]) break;
            idx[i] = 0;
        }
    }
    return o;
}

/* The start of most lowerings: only `known` attributes, and the node's first input, which it needs. */
lt_status ld_begin(loader *L, const Onnx__NodeProto *n, const char *node_name, const char *const *known, int *x) {
    lt_status s = ld_check_attrs(L, n, node_name, known);
    return s ? s : ld_input_of(L, n, node_name, 0, 1, x);
}
