/* ONNX file -> lt_model: parses the protobuf (protobuf-c code generated from Debian's onnx.proto at build time),
 * resolves every shape, folds BatchNormalization into the preceding Conv and constant-only nodes into constants,
 * and lowers each node to one of the lt_op_kind ops. Anything else is an error naming op, node and the supported
 * list: the runner never skips a node it cannot run. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "onnx.pb-c.h"
#include "sha256.h"

#define SUPPORTED_OPS                                                                                            \
    "Conv, BatchNormalization, Relu, Clip, Sigmoid, HardSigmoid, HardSwish, Mul, Add, GlobalAveragePool, "      \
    "ReduceMean (axes H,W of NCHW), MatMul, Gemm (one constant operand), Reshape, Flatten, Transpose, Identity, " \
    "Constant"

#define ONNX_FLOAT 1
#define ONNX_INT64 7

/* Loader state: the model being built plus what only loading needs (names, int64 constants, use counts). */
typedef struct loader {
    lt_model *m;
    int cap_tensors, cap_nodes;
    /* name -> tensor index; Identity makes several names point at one tensor */
    char **names;
    int *name_tensor;
    int n_names, cap_names;
    int64_t **i64;          /* per tensor: int64 constant data (Reshape shapes, ReduceMean axes), or NULL */
    int *uses;              /* per ONNX tensor name (index into names after registration): consumer count */
    int opset;
    lt_error *err;
} loader;

int64_t lt_tensor_elements(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i < t->rank; i++) {
        n *= t->dims[i];
    }
    return n;
}

static char *dup_str(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL) {
        memcpy(d, s, n);
    }
    return d;
}

/* Also the exit of helpers that return -1 after filling err themselves (a shape check): that message stays. */
static lt_status oom(loader *L) {
    if (L->err->code != LT_OK) return L->err->code;
    return lt_fail(L->err, LT_ERR_RUNTIME, "out of memory while loading the model");
}

/* Above this a tensor is certainly not a tracker's, and sizes in bytes could overflow. */
#define LT_MAX_ELEMENTS ((int64_t)1 << 30)

static int find_name(const loader *L, const char *name) {
    for (int i = L->n_names - 1; i >= 0; i--) {
        if (strcmp(L->names[i], name) == 0) {
            return L->name_tensor[i];
        }
    }
    return -1;
}

static int bind_name(loader *L, const char *name, int tensor) {
    if (L->n_names == L->cap_names) {
        int cap = L->cap_names ? 2 * L->cap_names : 64;
        char **n = realloc(L->names, (size_t)cap * sizeof *n);
        if (n == NULL) return -1;
        L->names = n;
        int *t = realloc(L->name_tensor, (size_t)cap * sizeof *t);
        if (t == NULL) return -1;
        L->name_tensor = t;
        L->cap_names = cap;
    }
    L->names[L->n_names] = dup_str(name);
    if (L->names[L->n_names] == NULL) return -1;
    L->name_tensor[L->n_names++] = tensor;
    return 0;
}

/* Adds a tensor (data is taken over) and binds its name. Returns the index or -1 (out of memory). */
static int add_tensor(loader *L, const char *name, int rank, const int64_t *dims, float *data) {
    lt_model *m = L->m;
    if (m->n_tensors == L->cap_tensors) {
        int cap = L->cap_tensors ? 2 * L->cap_tensors : 64;
        lt_tensor *t = realloc(m->tensors, (size_t)cap * sizeof *t);
        if (t == NULL) return -1;
        m->tensors = t;
        int64_t **i = realloc(L->i64, (size_t)cap * sizeof *i);
        if (i == NULL) return -1;
        L->i64 = i;
        L->cap_tensors = cap;
    }
    int64_t count = 1;
    for (int i = 0; i < rank; i++) {
        if (dims[i] < 0 || (dims[i] > 0 && count > LT_MAX_ELEMENTS / dims[i])) {
            lt_fail(L->err, LT_ERR_MODEL, "tensor '%s' has an invalid or too large shape (more than %lld elements)", name,
                    (long long)LT_MAX_ELEMENTS);
            return -1;
        }
        count *= dims[i];
    }
    int idx = m->n_tensors;
    lt_tensor *t = &m->tensors[idx];
    memset(t, 0, sizeof *t);
    L->i64[idx] = NULL;
    t->name = dup_str(name);
    if (t->name == NULL) return -1;
    m->n_tensors++;
    t->rank = rank;
    for (int i = 0; i < rank; i++) t->dims[i] = dims[i];
    t->data = data;
    if (bind_name(L, name, idx) != 0) return -1;
    return idx;
}

static lt_node *add_node(loader *L, const char *name, const char *op, lt_op_kind kind) {
    lt_model *m = L->m;
    if (m->n_nodes == L->cap_nodes) {
        int cap = L->cap_nodes ? 2 * L->cap_nodes : 64;
        lt_node *n = realloc(m->nodes, (size_t)cap * sizeof *n);
        if (n == NULL) return NULL;
        m->nodes = n;
        L->cap_nodes = cap;
    }
    lt_node *n = &m->nodes[m->n_nodes];
    memset(n, 0, sizeof *n);
    n->name = dup_str(name);
    n->onnx_op = dup_str(op);
    if (n->name == NULL || n->onnx_op == NULL) {
        free(n->name);
        free(n->onnx_op);
        return NULL;
    }
    m->n_nodes++;
    n->kind = kind;
    n->inputs[0] = n->inputs[1] = n->inputs[2] = -1;
    n->output = -1;
    return n;
}

void lt_model_free(lt_model *m) {
    if (m == NULL) return;
    for (int i = 0; i < m->n_tensors; i++) {
        free(m->tensors[i].name);
        free(m->tensors[i].data);
    }
    for (int i = 0; i < m->n_nodes; i++) {
        free(m->nodes[i].name);
        free(m->nodes[i].onnx_op);
    }
    free(m->tensors);
    free(m->nodes);
    free(m->inputs);
    free(m->outputs);
    free(m);
}

static void loader_free(loader *L) {
    for (int i = 0; i < L->n_names; i++) free(L->names[i]);
    free(L->names);
    free(L->name_tensor);
    if (L->i64 != NULL) {
        for (int i = 0; i < L->m->n_tensors; i++) free(L->i64[i]);
    }
    free(L->i64);
}

/* ---------- file and tensor data ---------- */

static lt_status read_file(const char *path, uint8_t **out, size_t *len, lt_error *err) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return lt_fail(err, LT_ERR_MODEL, "cannot open model file '%s': %s", path, strerror(errno));
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return lt_fail(err, LT_ERR_RUNTIME, "out of memory reading '%s'", path);
    }
    for (;;) {
        if (n == cap) {
            uint8_t *b = realloc(buf, cap * 2);
            if (b == NULL) {
                free(buf);
                fclose(f);
                return lt_fail(err, LT_ERR_RUNTIME, "out of memory reading '%s'", path);
            }
            buf = b;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        free(buf);
        return lt_fail(err, LT_ERR_MODEL, "cannot read model file '%s': %s", path, strerror(saved));
    }
    *out = buf;
    *len = n;
    return LT_OK;
}

/* Float data of a TensorProto (raw_data little-endian or float_data), or int64 data into *i64. */
static lt_status tensor_data(loader *L, const Onnx__TensorProto *tp, const char *what, float **f, int64_t **i64) {
    *f = NULL;
    *i64 = NULL;
    if (tp->n_dims > LT_MAX_RANK) {
        return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s '%s' has rank %zu; at most %d is supported", what,
                       tp->name ? tp->name : "", tp->n_dims, LT_MAX_RANK);
    }
    for (size_t i = 0; i < tp->n_dims; i++) {
        if (tp->dims[i] < 0 || tp->dims[i] > (1 << 28)) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has an invalid dimension %lld", what,
                           tp->name ? tp->name : "", (long long)tp->dims[i]);
        }
    }
    if (tp->n_external_data > 0 || (tp->has_data_location && tp->data_location != 0)) {
        return lt_fail(L->err, LT_ERR_UNSUPPORTED,
                       "%s '%s' keeps its data in an external file; export with the data inside the model", what,
                       tp->name ? tp->name : "");
    }
    int64_t n = 1;
    for (size_t i = 0; i < tp->n_dims; i++) {
        if (tp->dims[i] > 0 && n > LT_MAX_ELEMENTS / tp->dims[i]) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has more than %lld elements", what, tp->name ? tp->name : "",
                           (long long)LT_MAX_ELEMENTS);
        }
        n *= tp->dims[i];
    }
    int type = tp->has_data_type ? tp->data_type : 0;
    if (type == ONNX_FLOAT) {
        float *d = malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
        if (d == NULL) return oom(L);
        if (tp->has_raw_data) {
            if (tp->raw_data.len != (size_t)n * 4) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu bytes of data, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->raw_data.len, (long long)n * 4);
            }
            memcpy(d, tp->raw_data.data, (size_t)n * 4); /* ONNX raw data is little-endian, as are our targets */
        } else {
            if (tp->n_float_data != (size_t)n) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu values, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->n_float_data, (long long)n);
            }
            if (n > 0) memcpy(d, tp->float_data, (size_t)n * sizeof(float));
        }
        *f = d;
        return LT_OK;
    }
    if (type == ONNX_INT64) {
        int64_t *d = malloc((size_t)(n > 0 ? n : 1) * sizeof(int64_t));
        if (d == NULL) return oom(L);
        if (tp->has_raw_data) {
            if (tp->raw_data.len != (size_t)n * 8) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu bytes of data, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->raw_data.len, (long long)n * 8);
            }
            memcpy(d, tp->raw_data.data, (size_t)n * 8);
        } else {
            if (tp->n_int64_data != (size_t)n) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu values, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->n_int64_data, (long long)n);
            }
            if (n > 0) memcpy(d, tp->int64_data, (size_t)n * sizeof(int64_t));
        }
        /* Also keep a float copy so int64 constants can flow through folding like any constant. */
        float *fd = malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
        if (fd == NULL) {
            free(d);
            return oom(L);
        }
        for (int64_t i = 0; i < n; i++) fd[i] = (float)d[i];
        *f = fd;
        *i64 = d;
        return LT_OK;
    }
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s '%s' has ONNX data type %d; only float32 (and int64 shapes) are supported",
                   what, tp->name ? tp->name : "", type);
}

/* ---------- attributes ---------- */

static const Onnx__AttributeProto *attr(const Onnx__NodeProto *n, const char *name) {
    for (size_t i = 0; i < n->n_attribute; i++) {
        if (n->attribute[i]->name != NULL && strcmp(n->attribute[i]->name, name) == 0) return n->attribute[i];
    }
    return NULL;
}

static int64_t attr_int(const Onnx__NodeProto *n, const char *name, int64_t dflt) {
    const Onnx__AttributeProto *a = attr(n, name);
    return a != NULL && a->has_i ? a->i : dflt;
}

static float attr_float(const Onnx__NodeProto *n, const char *name, float dflt) {
    const Onnx__AttributeProto *a = attr(n, name);
    return a != NULL && a->has_f ? a->f : dflt;
}

static const char *attr_string(const Onnx__NodeProto *n, const char *name, const char *dflt, char *buf, size_t cap) {
    const Onnx__AttributeProto *a = attr(n, name);
    if (a == NULL || !a->has_s) return dflt;
    size_t len = a->s.len < cap - 1 ? a->s.len : cap - 1;
    memcpy(buf, a->s.data, len);
    buf[len] = '\0';
    return buf;
}

/* Fails naming the attribute when the node has any attribute outside `known` (a NULL-terminated list). */
static lt_status check_attrs(loader *L, const Onnx__NodeProto *n, const char *node_name, const char *const *known) {
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

/* ---------- helpers on tensors ---------- */

static lt_tensor *T(loader *L, int i) { return &L->m->tensors[i]; }

static int is_const(loader *L, int i) { return i >= 0 && T(L, i)->data != NULL; }

/* Resolves a node input; fails when it is not defined yet (or missing where required). */
static lt_status input_of(loader *L, const Onnx__NodeProto *n, const char *node_name, size_t k, int required, int *out) {
    *out = -1;
    if (k >= n->n_input || n->input[k] == NULL || n->input[k][0] == '\0') {
        if (required) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s' lacks its input %zu", n->op_type, node_name, k + 1);
        }
        return LT_OK;
    }
    int t = find_name(L, n->input[k]);
    if (t < 0) {
        return lt_fail(L->err, LT_ERR_MODEL,
                       "%s node '%s' reads tensor '%s', which no earlier node, input or initializer defines "
                       "(the graph must be topologically sorted)",
                       n->op_type, node_name, n->input[k]);
    }
    *out = t;
    return LT_OK;
}

static void dims_str(const lt_tensor *t, char *buf, size_t cap) {
    size_t o = 0;
    o += (size_t)snprintf(buf + o, cap - o, "[");
    for (int i = 0; i < t->rank && o < cap; i++) {
        o += (size_t)snprintf(buf + o, cap - o, i ? ",%lld" : "%lld", (long long)t->dims[i]);
    }
    if (o < cap) snprintf(buf + o, cap - o, "]");
}

/* numpy broadcasting of two shapes; returns 0 when incompatible. */
static int broadcast(const lt_tensor *a, const lt_tensor *b, int *rank, int64_t *dims) {
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
static float bcast_at(const lt_tensor *t, int r, const int64_t *idx) {
    int64_t off = 0;
    for (int i = 0; i < t->rank; i++) {
        int64_t d = t->dims[i];
        int64_t v = d == 1 ? 0 : idx[i + (r - t->rank)];
        off = off * d + v;
    }
    return t->data[off];
}

static float *alloc_floats(int64_t n) { return malloc((size_t)(n > 0 ? n : 1) * sizeof(float)); }

/* Output tensor of a node, bound to the node's ONNX output name. */
static int new_output(loader *L, const Onnx__NodeProto *n, int rank, const int64_t *dims, float *data) {
    const char *name = n->n_output > 0 && n->output[0] != NULL ? n->output[0] : "";
    return add_tensor(L, name, rank, dims, data);
}

/* Temporary tensor between two lowered ops of one ONNX node. */
static int new_temp(loader *L, const char *node_name, const char *suffix, int rank, const int64_t *dims) {
    char name[512];
    snprintf(name, sizeof name, "%s/%s", node_name, suffix);
    return add_tensor(L, name, rank, dims, NULL);
}

/* Permutes constant data: out dim i = in dim perm[i]. */
static float *permute_data(const lt_tensor *t, const int *perm, int64_t *out_dims) {
    int r = t->rank;
    int64_t n = lt_tensor_elements(t);
    float *o = alloc_floats(n);
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

/* ---------- ops ---------- */

static lt_status unsupported_attr_value(loader *L, const Onnx__NodeProto *n, const char *nn, const char *what) {
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s node '%s': %s", n->op_type, nn, what);
}

static lt_status lower_conv(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"auto_pad", "dilations", "group", "kernel_shape", "pads", "strides", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    int x, w, b;
    if ((s = input_of(L, n, nn, 0, 1, &x)) || (s = input_of(L, n, nn, 1, 1, &w)) || (s = input_of(L, n, nn, 2, 0, &b)))
        return s;
    lt_tensor *X = T(L, x), *W = T(L, w);
    if (X->rank != 4 || W->rank != 4) {
        return unsupported_attr_value(L, n, nn, "only 2-D convolution (rank-4 input and weights) is supported");
    }
    if (!is_const(L, w) || (b >= 0 && !is_const(L, b))) {
        return unsupported_attr_value(L, n, nn, "weights and bias must be constants (initializers)");
    }
    if (is_const(L, x)) return unsupported_attr_value(L, n, nn, "a convolution of a constant input is not supported");
    lt_conv_params p;
    memset(&p, 0, sizeof p);
    int64_t group = attr_int(n, "group", 1);
    int64_t cin = X->dims[1], cout = W->dims[0];
    if (group < 1 || cin % group != 0 || cout % group != 0 || W->dims[1] != cin / group) {
        char xs[96], ws[96];
        dims_str(X, xs, sizeof xs);
        dims_str(W, ws, sizeof ws);
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': input %s, weights %s and group %lld do not fit", nn, xs,
                       ws, (long long)group);
    }
    if (b >= 0 && (T(L, b)->rank != 1 || T(L, b)->dims[0] != cout)) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': bias must have shape [%lld]", nn, (long long)cout);
    }
    p.group = (int)group;
    p.kernel_h = (int)W->dims[2];
    p.kernel_w = (int)W->dims[3];
    const Onnx__AttributeProto *a;
    if ((a = attr(n, "kernel_shape")) != NULL && (a->n_ints != 2 || a->ints[0] != p.kernel_h || a->ints[1] != p.kernel_w)) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': kernel_shape does not match the weights", nn);
    }
    p.stride_h = p.stride_w = p.dilation_h = p.dilation_w = 1;
    if ((a = attr(n, "strides")) != NULL) {
        if (a->n_ints != 2 || a->ints[0] < 1 || a->ints[1] < 1 || a->ints[0] > 4096 || a->ints[1] > 4096)
            return unsupported_attr_value(L, n, nn, "strides must be 2 values from 1 to 4096");
        p.stride_h = (int)a->ints[0];
        p.stride_w = (int)a->ints[1];
    }
    if ((a = attr(n, "dilations")) != NULL) {
        if (a->n_ints != 2 || a->ints[0] < 1 || a->ints[1] < 1 || a->ints[0] > 4096 || a->ints[1] > 4096)
            return unsupported_attr_value(L, n, nn, "dilations must be 2 values from 1 to 4096");
        p.dilation_h = (int)a->ints[0];
        p.dilation_w = (int)a->ints[1];
    }
    char ap[32];
    const char *auto_pad = attr_string(n, "auto_pad", "NOTSET", ap, sizeof ap);
    int64_t ih = X->dims[2], iw = X->dims[3];
    int64_t ekh = (int64_t)(p.kernel_h - 1) * p.dilation_h + 1, ekw = (int64_t)(p.kernel_w - 1) * p.dilation_w + 1;
    int64_t oh, ow;
    if (strcmp(auto_pad, "NOTSET") == 0) {
        if ((a = attr(n, "pads")) != NULL) {
            if (a->n_ints != 4) return unsupported_attr_value(L, n, nn, "pads must have 4 values for 2-D convolution");
            for (int i = 0; i < 4; i++) {
                if (a->ints[i] < 0 || a->ints[i] > 4096) return unsupported_attr_value(L, n, nn, "pads must be from 0 to 4096");
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
        return unsupported_attr_value(L, n, nn, "auto_pad must be NOTSET, VALID, SAME_UPPER or SAME_LOWER");
    }
    if (oh < 1 || ow < 1) {
        return lt_fail(L->err, LT_ERR_MODEL, "Conv node '%s': the kernel does not fit the %lldx%lld input", nn,
                       (long long)ih, (long long)iw);
    }
    int64_t od[4] = {X->dims[0], cout, oh, ow};
    int out = new_output(L, n, 4, od, NULL);
    if (out < 0) return oom(L);
    lt_node *node = add_node(L, nn, n->op_type, LT_OP_CONV);
    if (node == NULL) return oom(L);
    node->n_inputs = b >= 0 ? 3 : 2;
    node->inputs[0] = x;
    node->inputs[1] = w;
    node->inputs[2] = b;
    node->output = out;
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

static lt_status lower_batchnorm(loader *L, const Onnx__NodeProto *n, const char *nn, int x_uses) {
    static const char *const known[] = {"epsilon", "momentum", "training_mode", "spatial", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    if (attr_int(n, "training_mode", 0) != 0 || n->n_output > 1) {
        return unsupported_attr_value(L, n, nn, "training mode is not supported (export the model in eval mode)");
    }
    if (attr_int(n, "spatial", 1) != 1) return unsupported_attr_value(L, n, nn, "spatial=0 is not supported");
    int x, sc, bi, mean, var;
    if ((s = input_of(L, n, nn, 0, 1, &x)) || (s = input_of(L, n, nn, 1, 1, &sc)) || (s = input_of(L, n, nn, 2, 1, &bi)) ||
        (s = input_of(L, n, nn, 3, 1, &mean)) || (s = input_of(L, n, nn, 4, 1, &var)))
        return s;
    if (!is_const(L, sc) || !is_const(L, bi) || !is_const(L, mean) || !is_const(L, var)) {
        return unsupported_attr_value(L, n, nn, "scale, bias, mean and variance must be constants");
    }
    lt_tensor *X = T(L, x);
    if (X->rank < 2) return unsupported_attr_value(L, n, nn, "input must have a channel axis (rank >= 2)");
    int64_t c = X->dims[1];
    int ids[4] = {sc, bi, mean, var};
    for (int i = 0; i < 4; i++) {
        if (lt_tensor_elements(T(L, ids[i])) != c) {
            return lt_fail(L->err, LT_ERR_MODEL, "BatchNormalization node '%s': parameters must have %lld values", nn,
                           (long long)c);
        }
    }
    float eps = attr_float(n, "epsilon", 1e-5f);
    float *scale = alloc_floats(c), *shift = alloc_floats(c);
    if (scale == NULL || shift == NULL) {
        free(scale);
        free(shift);
        return oom(L);
    }
    for (int64_t i = 0; i < c; i++) {
        double k = T(L, sc)->data[i] / sqrt((double)T(L, var)->data[i] + eps);
        scale[i] = (float)k;
        shift[i] = (float)(T(L, bi)->data[i] - T(L, mean)->data[i] * k);
    }
    int pi = producer(L, x);
    lt_node *conv = pi >= 0 ? &L->m->nodes[pi] : NULL;
    if (conv != NULL && conv->kind == LT_OP_CONV && x_uses == 1 && !T(L, x)->is_output) {
        /* Fold: W' = W * k per output channel, B' = (B - mean) * k + bias. */
        lt_tensor *W = T(L, conv->inputs[1]);
        int64_t per = lt_tensor_elements(W) / c;
        for (int64_t o = 0; o < c; o++) {
            for (int64_t j = 0; j < per; j++) W->data[o * per + j] *= scale[o];
        }
        if (conv->inputs[2] >= 0) {
            lt_tensor *B = T(L, conv->inputs[2]);
            for (int64_t o = 0; o < c; o++) shift[o] += B->data[o] * scale[o];
        }
        int64_t bd[1] = {c};
        int bt = new_temp(L, nn, "folded_bias", 1, bd);
        if (bt < 0) {
            free(scale);
            free(shift);
            return oom(L);
        }
        T(L, bt)->data = shift;
        conv = &L->m->nodes[pi];
        conv->inputs[2] = bt;
        conv->n_inputs = 3;
        free(scale);
        /* The BN's output name now names the conv's output. */
        const char *oname = n->n_output > 0 && n->output[0] != NULL ? n->output[0] : "";
        if (bind_name(L, oname, x) != 0) return oom(L);
        return LT_OK;
    }
    /* Standalone: y = x * scale + shift with [1, C, 1, ...] constants. */
    int64_t pd[LT_MAX_RANK];
    for (int i = 0; i < X->rank; i++) pd[i] = i == 1 ? c : 1;
    int st = new_temp(L, nn, "scale", X->rank, pd);
    if (st < 0) {
        free(scale);
        free(shift);
        return oom(L);
    }
    T(L, st)->data = scale;
    int ht = new_temp(L, nn, "shift", X->rank, pd);
    if (ht < 0) {
        free(shift);
        return oom(L);
    }
    T(L, ht)->data = shift;
    X = T(L, x);
    int64_t xd[LT_MAX_RANK];
    memcpy(xd, X->dims, sizeof xd);
    int mid = new_temp(L, nn, "scaled", X->rank, xd);
    int out = mid >= 0 ? new_output(L, n, T(L, x)->rank, xd, NULL) : -1;
    if (out < 0) return oom(L);
    lt_node *mul = add_node(L, nn, n->op_type, LT_OP_MUL);
    if (mul == NULL) return oom(L);
    mul->n_inputs = 2;
    mul->inputs[0] = x;
    mul->inputs[1] = st;
    mul->output = mid;
    lt_node *add = add_node(L, nn, n->op_type, LT_OP_ADD);
    if (add == NULL) return oom(L);
    add->n_inputs = 2;
    add->inputs[0] = mid;
    add->inputs[1] = ht;
    add->output = out;
    return LT_OK;
}

static lt_status lower_unary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind) {
    lt_status s;
    int x;
    if ((s = input_of(L, n, nn, 0, 1, &x))) return s;
    if (is_const(L, x)) return unsupported_attr_value(L, n, nn, "an activation of a constant is not supported");
    lt_node tmp;
    memset(&tmp, 0, sizeof tmp);
    if (kind == LT_OP_CLIP) {
        static const char *const known[] = {"min", "max", NULL};
        if ((s = check_attrs(L, n, nn, known))) return s;
        float lo = attr_float(n, "min", -INFINITY), hi = attr_float(n, "max", INFINITY);
        int mn, mx;
        if ((s = input_of(L, n, nn, 1, 0, &mn)) || (s = input_of(L, n, nn, 2, 0, &mx))) return s;
        if ((mn >= 0 && (!is_const(L, mn) || lt_tensor_elements(T(L, mn)) != 1)) ||
            (mx >= 0 && (!is_const(L, mx) || lt_tensor_elements(T(L, mx)) != 1))) {
            return unsupported_attr_value(L, n, nn, "min and max must be constant scalars");
        }
        if (mn >= 0) lo = T(L, mn)->data[0];
        if (mx >= 0) hi = T(L, mx)->data[0];
        if (!(lo <= hi)) return unsupported_attr_value(L, n, nn, "min must not exceed max");
        tmp.p.clip.min = lo;
        tmp.p.clip.max = hi;
    } else if (kind == LT_OP_HARD_SIGMOID) {
        static const char *const known[] = {"alpha", "beta", NULL};
        if ((s = check_attrs(L, n, nn, known))) return s;
        tmp.p.hard_sigmoid.alpha = attr_float(n, "alpha", 0.2f);
        tmp.p.hard_sigmoid.beta = attr_float(n, "beta", 0.5f);
    } else {
        static const char *const none[] = {NULL};
        if ((s = check_attrs(L, n, nn, none))) return s;
    }
    int64_t d[LT_MAX_RANK];
    memcpy(d, T(L, x)->dims, sizeof d);
    int out = new_output(L, n, T(L, x)->rank, d, NULL);
    if (out < 0) return oom(L);
    lt_node *node = add_node(L, nn, n->op_type, kind);
    if (node == NULL) return oom(L);
    node->p = tmp.p;
    node->n_inputs = 1;
    node->inputs[0] = x;
    node->output = out;
    return LT_OK;
}

static lt_status lower_binary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind) {
    static const char *const none[] = {NULL};
    lt_status s = check_attrs(L, n, nn, none);
    if (s) return s;
    int a, b;
    if ((s = input_of(L, n, nn, 0, 1, &a)) || (s = input_of(L, n, nn, 1, 1, &b))) return s;
    int rank;
    int64_t d[LT_MAX_RANK];
    if (!broadcast(T(L, a), T(L, b), &rank, d)) {
        char as[96], bs[96];
        dims_str(T(L, a), as, sizeof as);
        dims_str(T(L, b), bs, sizeof bs);
        return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s': shapes %s and %s do not broadcast", n->op_type, nn, as, bs);
    }
    float *data = NULL;
    if (is_const(L, a) && is_const(L, b)) { /* fold */
        lt_tensor o = {0};
        o.rank = rank;
        memcpy(o.dims, d, sizeof d);
        int64_t cnt = lt_tensor_elements(&o);
        data = alloc_floats(cnt);
        if (data == NULL) return oom(L);
        int64_t idx[LT_MAX_RANK] = {0};
        for (int64_t k = 0; k < cnt; k++) {
            float va = bcast_at(T(L, a), rank, idx), vb = bcast_at(T(L, b), rank, idx);
            data[k] = kind == LT_OP_ADD ? va + vb : va * vb;
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < d[i]) break;
                idx[i] = 0;
            }
        }
    }
    int out = new_output(L, n, rank, d, data);
    if (out < 0) {
        free(data);
        return oom(L);
    }
    if (data != NULL) return LT_OK;
    lt_node *node = add_node(L, nn, n->op_type, kind);
    if (node == NULL) return oom(L);
    node->n_inputs = 2;
    node->inputs[0] = a;
    node->inputs[1] = b;
    node->output = out;
    return LT_OK;
}

static lt_status add_gap(loader *L, const char *nn, const char *op, int x, int out) {
    lt_node *node = add_node(L, nn, op, LT_OP_GLOBAL_AVG_POOL);
    if (node == NULL) return oom(L);
    node->n_inputs = 1;
    node->inputs[0] = x;
    node->output = out;
    return LT_OK;
}

static lt_status add_reshape(loader *L, const char *nn, const char *op, int x, int out) {
    lt_node *node = add_node(L, nn, op, LT_OP_RESHAPE);
    if (node == NULL) return oom(L);
    node->n_inputs = 1;
    node->inputs[0] = x;
    node->output = out;
    return LT_OK;
}

static lt_status lower_pool(loader *L, const Onnx__NodeProto *n, const char *nn, int reduce_mean) {
    lt_status s;
    int x, ax = -1;
    if ((s = input_of(L, n, nn, 0, 1, &x))) return s;
    lt_tensor *X = T(L, x);
    if (is_const(L, x)) return unsupported_attr_value(L, n, nn, "pooling a constant is not supported");
    if (X->rank != 4) return unsupported_attr_value(L, n, nn, "only rank-4 NCHW input is supported");
    int keep = 1;
    if (reduce_mean) {
        static const char *const known[] = {"axes", "keepdims", "noop_with_empty_axes", NULL};
        if ((s = check_attrs(L, n, nn, known))) return s;
        keep = (int)attr_int(n, "keepdims", 1);
        const int64_t *axes = NULL;
        size_t n_axes = 0;
        const Onnx__AttributeProto *a = attr(n, "axes");
        if (a != NULL) {
            axes = a->ints;
            n_axes = a->n_ints;
        } else {
            if ((s = input_of(L, n, nn, 1, 0, &ax))) return s;
            if (ax >= 0) {
                if (L->i64[ax] == NULL) return unsupported_attr_value(L, n, nn, "axes must be a constant int64 tensor");
                axes = L->i64[ax];
                n_axes = (size_t)lt_tensor_elements(T(L, ax));
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
            return unsupported_attr_value(L, n, nn, "only a mean over axes {2,3} (H and W of NCHW) is supported");
        }
    } else {
        static const char *const none[] = {NULL};
        if ((s = check_attrs(L, n, nn, none))) return s;
    }
    int64_t pd[4] = {X->dims[0], X->dims[1], 1, 1};
    if (keep) {
        int out = new_output(L, n, 4, pd, NULL);
        if (out < 0) return oom(L);
        return add_gap(L, nn, n->op_type, x, out);
    }
    int mid = new_temp(L, nn, "pooled", 4, pd);
    int out = mid >= 0 ? new_output(L, n, 2, pd, NULL) : -1;
    if (out < 0) return oom(L);
    if ((s = add_gap(L, nn, n->op_type, x, mid))) return s;
    return add_reshape(L, nn, n->op_type, mid, out);
}

/* Reshape/Flatten: constants are re-labelled in place of a node. */
static lt_status finish_reshape(loader *L, const Onnx__NodeProto *n, const char *nn, int x, int rank, const int64_t *d) {
    lt_tensor tmp = {0};
    tmp.rank = rank;
    memcpy(tmp.dims, d, (size_t)rank * sizeof *d);
    if (lt_tensor_elements(&tmp) != lt_tensor_elements(T(L, x))) {
        char xs[96], os[96];
        dims_str(T(L, x), xs, sizeof xs);
        dims_str(&tmp, os, sizeof os);
        return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s': cannot reshape %s to %s", n->op_type, nn, xs, os);
    }
    if (is_const(L, x)) {
        int64_t cnt = lt_tensor_elements(T(L, x));
        float *data = alloc_floats(cnt);
        if (data == NULL) return oom(L);
        memcpy(data, T(L, x)->data, (size_t)cnt * sizeof(float));
        int out = new_output(L, n, rank, d, data);
        if (out < 0) {
            free(data);
            return oom(L);
        }
        if (L->i64[x] != NULL) {
            int64_t *c = malloc((size_t)(cnt > 0 ? cnt : 1) * sizeof(int64_t));
            if (c == NULL) return oom(L);
            memcpy(c, L->i64[x], (size_t)cnt * sizeof(int64_t));
            L->i64[out] = c;
        }
        return LT_OK;
    }
    int out = new_output(L, n, rank, d, NULL);
    if (out < 0) return oom(L);
    return add_reshape(L, nn, n->op_type, x, out);
}

static lt_status lower_reshape(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"allowzero", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    int x, sh;
    if ((s = input_of(L, n, nn, 0, 1, &x)) || (s = input_of(L, n, nn, 1, 1, &sh))) return s;
    if (L->i64[sh] == NULL) return unsupported_attr_value(L, n, nn, "the shape must be a constant int64 tensor");
    int64_t k = lt_tensor_elements(T(L, sh));
    if (T(L, sh)->rank != 1 || k < 1 || k > LT_MAX_RANK) {
        return unsupported_attr_value(L, n, nn, "the shape must be a 1-D tensor of 1 to 6 values");
    }
    int allowzero = (int)attr_int(n, "allowzero", 0);
    const lt_tensor *X = T(L, x);
    int64_t d[LT_MAX_RANK];
    int infer = -1;
    int64_t known_prod = 1;
    for (int i = 0; i < k; i++) {
        int64_t v = L->i64[sh][i];
        if (v == 0 && !allowzero) {
            if (i >= X->rank) return lt_fail(L->err, LT_ERR_MODEL, "Reshape node '%s': 0 at axis %d beyond the input rank", nn, i);
            v = X->dims[i];
        }
        if (v == -1) {
            if (infer >= 0) return lt_fail(L->err, LT_ERR_MODEL, "Reshape node '%s': more than one -1 in the shape", nn);
            infer = i;
            v = 1;
        } else if (v < 0 || (v > 0 && known_prod > LT_MAX_ELEMENTS / v)) {
            return lt_fail(L->err, LT_ERR_MODEL, "Reshape node '%s': invalid dimension %lld", nn, (long long)v);
        }
        d[i] = v;
        known_prod *= v;
    }
    if (infer >= 0) {
        int64_t total = lt_tensor_elements(X);
        if (known_prod == 0 || total % known_prod != 0) {
            return lt_fail(L->err, LT_ERR_MODEL, "Reshape node '%s': cannot infer the -1 dimension", nn);
        }
        d[infer] = total / known_prod;
    }
    return finish_reshape(L, n, nn, x, (int)k, d);
}

static lt_status lower_flatten(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"axis", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    int x;
    if ((s = input_of(L, n, nn, 0, 1, &x))) return s;
    const lt_tensor *X = T(L, x);
    int64_t axis = attr_int(n, "axis", 1);
    if (axis < 0) axis += X->rank;
    if (axis < 0 || axis > X->rank) return unsupported_attr_value(L, n, nn, "axis is out of range");
    int64_t d[2] = {1, 1};
    for (int i = 0; i < X->rank; i++) d[i < axis ? 0 : 1] *= X->dims[i];
    return finish_reshape(L, n, nn, x, 2, d);
}

static lt_status lower_transpose(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"perm", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    int x;
    if ((s = input_of(L, n, nn, 0, 1, &x))) return s;
    const lt_tensor *X = T(L, x);
    int r = X->rank;
    int perm[LT_MAX_RANK];
    const Onnx__AttributeProto *a = attr(n, "perm");
    int seen[LT_MAX_RANK] = {0};
    for (int i = 0; i < r; i++) {
        int64_t v = a != NULL ? (i < (int)a->n_ints ? a->ints[i] : -1) : r - 1 - i;
        if (a != NULL && (int)a->n_ints != r) v = -1;
        if (v < 0 || v >= r || seen[v]) return unsupported_attr_value(L, n, nn, "perm is not a permutation of the input axes");
        seen[v] = 1;
        perm[i] = (int)v;
    }
    int64_t d[LT_MAX_RANK];
    for (int i = 0; i < r; i++) d[i] = X->dims[perm[i]];
    if (is_const(L, x)) {
        float *data = permute_data(X, perm, d);
        if (data == NULL) return oom(L);
        int out = new_output(L, n, r, d, data);
        if (out < 0) {
            free(data);
            return oom(L);
        }
        return LT_OK;
    }
    int out = new_output(L, n, r, d, NULL);
    if (out < 0) return oom(L);
    lt_node *node = add_node(L, nn, n->op_type, LT_OP_TRANSPOSE);
    if (node == NULL) return oom(L);
    node->n_inputs = 1;
    node->inputs[0] = x;
    node->output = out;
    for (int i = 0; i < r; i++) node->p.transpose.perm[i] = perm[i];
    return LT_OK;
}

/* Appends MATMUL a x b (one constant, rank 2) with an optional bias on the last axis. */
static lt_status add_matmul(loader *L, const Onnx__NodeProto *n, const char *nn, int a, int b, int bias) {
    const lt_tensor *A = T(L, a), *B = T(L, b);
    int ca = is_const(L, a), cb = is_const(L, b);
    if (ca == cb) {
        return unsupported_attr_value(L, n, nn, ca ? "both operands are constant" : "exactly one operand must be a constant");
    }
    if (A->rank < 2 || B->rank < 2) return unsupported_attr_value(L, n, nn, "operands of rank 1 are not supported");
    const lt_tensor *C = ca ? A : B;
    for (int i = 0; i < C->rank - 2; i++) {
        if (C->dims[i] != 1) return unsupported_attr_value(L, n, nn, "the constant operand must be a matrix (batch dimensions of 1)");
    }
    int64_t k1 = A->dims[A->rank - 1], k2 = B->dims[B->rank - 2];
    if (k1 != k2) {
        char as[96], bs[96];
        dims_str(A, as, sizeof as);
        dims_str(B, bs, sizeof bs);
        return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s': shapes %s and %s do not multiply", n->op_type, nn, as, bs);
    }
    const lt_tensor *V = ca ? B : A; /* the variable operand keeps its batch dimensions */
    int r = V->rank > C->rank ? V->rank : C->rank;
    int64_t d[LT_MAX_RANK];
    for (int i = 0; i < r - 2; i++) {
        int iv = i - (r - V->rank);
        d[i] = iv >= 0 ? V->dims[iv] : 1;
    }
    d[r - 2] = A->dims[A->rank - 2];
    d[r - 1] = B->dims[B->rank - 1];
    int out = new_output(L, n, r, d, NULL);
    if (out < 0) return oom(L);
    lt_node *node = add_node(L, nn, n->op_type, LT_OP_MATMUL);
    if (node == NULL) return oom(L);
    node->n_inputs = bias >= 0 ? 3 : 2;
    node->inputs[0] = a;
    node->inputs[1] = b;
    node->inputs[2] = bias;
    node->output = out;
    return LT_OK;
}

static lt_status lower_matmul(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const none[] = {NULL};
    lt_status s = check_attrs(L, n, nn, none);
    if (s) return s;
    int a, b;
    if ((s = input_of(L, n, nn, 0, 1, &a)) || (s = input_of(L, n, nn, 1, 1, &b))) return s;
    return add_matmul(L, n, nn, a, b, -1);
}

/* Copies a constant (optionally transposed, 2-D) scaled by alpha into a new temp tensor. */
static int scaled_const(loader *L, const char *nn, const char *suffix, int t, int transpose, float alpha) {
    const lt_tensor *C = T(L, t);
    int64_t d[LT_MAX_RANK];
    float *data;
    if (transpose) {
        int perm[2] = {1, 0};
        data = permute_data(C, perm, d);
    } else {
        memcpy(d, C->dims, sizeof d);
        data = alloc_floats(lt_tensor_elements(C));
        if (data != NULL) memcpy(data, C->data, (size_t)lt_tensor_elements(C) * sizeof(float));
    }
    if (data == NULL) return -1;
    int64_t cnt = lt_tensor_elements(C);
    for (int64_t i = 0; i < cnt; i++) data[i] *= alpha;
    int rank = C->rank;
    int out = new_temp(L, nn, suffix, rank, d);
    if (out < 0) {
        free(data);
        return -1;
    }
    T(L, out)->data = data;
    return out;
}

static lt_status lower_gemm(loader *L, const Onnx__NodeProto *n, const char *nn) {
    static const char *const known[] = {"alpha", "beta", "transA", "transB", NULL};
    lt_status s = check_attrs(L, n, nn, known);
    if (s) return s;
    int a, b, c;
    if ((s = input_of(L, n, nn, 0, 1, &a)) || (s = input_of(L, n, nn, 1, 1, &b)) || (s = input_of(L, n, nn, 2, 0, &c)))
        return s;
    if (T(L, a)->rank != 2 || T(L, b)->rank != 2) return unsupported_attr_value(L, n, nn, "A and B must be matrices");
    if (is_const(L, a) == is_const(L, b)) return unsupported_attr_value(L, n, nn, "exactly one of A and B must be a constant");
    if (c >= 0 && !is_const(L, c)) return unsupported_attr_value(L, n, nn, "C must be a constant");
    float alpha = attr_float(n, "alpha", 1.0f), beta = attr_float(n, "beta", 1.0f);
    int ta = (int)attr_int(n, "transA", 0), tb = (int)attr_int(n, "transB", 0);
    /* The constant gets transposed and scaled at load; a transposed variable operand becomes a Transpose op. */
    if (is_const(L, a)) {
        a = scaled_const(L, nn, "A", a, ta, alpha);
        if (a < 0) return oom(L);
        if (tb) {
            int64_t d[2] = {T(L, b)->dims[1], T(L, b)->dims[0]};
            int t = new_temp(L, nn, "Bt", 2, d);
            if (t < 0) return oom(L);
            lt_node *tr = add_node(L, nn, n->op_type, LT_OP_TRANSPOSE);
            if (tr == NULL) return oom(L);
            tr->n_inputs = 1;
            tr->inputs[0] = b;
            tr->output = t;
            tr->p.transpose.perm[0] = 1;
            tr->p.transpose.perm[1] = 0;
            b = t;
        }
    } else {
        b = scaled_const(L, nn, "B", b, tb, alpha);
        if (b < 0) return oom(L);
        if (ta) {
            int64_t d[2] = {T(L, a)->dims[1], T(L, a)->dims[0]};
            int t = new_temp(L, nn, "At", 2, d);
            if (t < 0) return oom(L);
            lt_node *tr = add_node(L, nn, n->op_type, LT_OP_TRANSPOSE);
            if (tr == NULL) return oom(L);
            tr->n_inputs = 1;
            tr->inputs[0] = a;
            tr->output = t;
            tr->p.transpose.perm[0] = 1;
            tr->p.transpose.perm[1] = 0;
            a = t;
        }
    }
    int64_t m = T(L, a)->dims[0], nn_cols = T(L, b)->dims[1];
    int bias = -1;
    int c_full = -1; /* a C that is not a per-column bias becomes an ADD after the MATMUL */
    if (c >= 0 && beta != 0.0f) {
        const lt_tensor *C = T(L, c);
        int per_column = C->rank >= 1 && C->dims[C->rank - 1] == nn_cols && lt_tensor_elements(C) == nn_cols;
        int scalar = lt_tensor_elements(C) == 1;
        if (per_column || scalar) {
            float *data = alloc_floats(nn_cols);
            if (data == NULL) return oom(L);
            for (int64_t j = 0; j < nn_cols; j++) data[j] = beta * C->data[scalar ? 0 : j];
            int64_t d[1] = {nn_cols};
            bias = new_temp(L, nn, "bias", 1, d);
            if (bias < 0) {
                free(data);
                return oom(L);
            }
            T(L, bias)->data = data;
        } else {
            c_full = scaled_const(L, nn, "C", c, 0, beta);
            if (c_full < 0) return oom(L);
        }
    }
    if (c_full < 0) return add_matmul(L, n, nn, a, b, bias);
    /* MATMUL into a temp, then ADD the constant C. */
    int64_t d[2] = {m, nn_cols};
    int mid = new_temp(L, nn, "product", 2, d);
    if (mid < 0) return oom(L);
    /* add_matmul binds the node's output name; bind the product instead by building the node by hand. */
    lt_node *mm = add_node(L, nn, n->op_type, LT_OP_MATMUL);
    if (mm == NULL) return oom(L);
    mm->n_inputs = 2;
    mm->inputs[0] = a;
    mm->inputs[1] = b;
    mm->output = mid;
    int rank;
    int64_t od[LT_MAX_RANK];
    if (!broadcast(T(L, mid), T(L, c_full), &rank, od) || rank != 2 || od[0] != m || od[1] != nn_cols) {
        return lt_fail(L->err, LT_ERR_MODEL, "Gemm node '%s': C does not broadcast to [%lld,%lld]", nn, (long long)m,
                       (long long)nn_cols);
    }
    int out = new_output(L, n, 2, d, NULL);
    if (out < 0) return oom(L);
    lt_node *add = add_node(L, nn, n->op_type, LT_OP_ADD);
    if (add == NULL) return oom(L);
    add->n_inputs = 2;
    add->inputs[0] = mid;
    add->inputs[1] = c_full;
    add->output = out;
    return LT_OK;
}

static lt_status lower_constant(loader *L, const Onnx__NodeProto *n, const char *nn) {
    const Onnx__AttributeProto *a;
    float *f = NULL;
    int64_t *i64 = NULL;
    int rank = 0;
    int64_t d[LT_MAX_RANK] = {0};
    if ((a = attr(n, "value")) != NULL && a->t != NULL) {
        lt_status s = tensor_data(L, a->t, "Constant value", &f, &i64);
        if (s) return s;
        rank = (int)a->t->n_dims;
        for (int i = 0; i < rank; i++) d[i] = a->t->dims[i];
    } else if ((a = attr(n, "value_float")) != NULL && a->has_f) {
        f = alloc_floats(1);
        if (f == NULL) return oom(L);
        f[0] = a->f;
    } else if ((a = attr(n, "value_floats")) != NULL) {
        f = alloc_floats((int64_t)a->n_floats);
        if (f == NULL) return oom(L);
        if (a->n_floats) memcpy(f, a->floats, a->n_floats * sizeof(float));
        rank = 1;
        d[0] = (int64_t)a->n_floats;
    } else if ((a = attr(n, "value_int")) != NULL && a->has_i) {
        f = alloc_floats(1);
        i64 = malloc(sizeof *i64);
        if (f == NULL || i64 == NULL) {
            free(f);
            free(i64);
            return oom(L);
        }
        f[0] = (float)a->i;
        i64[0] = a->i;
    } else if ((a = attr(n, "value_ints")) != NULL) {
        f = alloc_floats((int64_t)a->n_ints);
        i64 = malloc((a->n_ints ? a->n_ints : 1) * sizeof *i64);
        if (f == NULL || i64 == NULL) {
            free(f);
            free(i64);
            return oom(L);
        }
        for (size_t i = 0; i < a->n_ints; i++) {
            f[i] = (float)a->ints[i];
            i64[i] = a->ints[i];
        }
        rank = 1;
        d[0] = (int64_t)a->n_ints;
    } else {
        return unsupported_attr_value(L, n, nn, "only value, value_float(s) and value_int(s) constants are supported");
    }
    int out = new_output(L, n, rank, d, f);
    if (out < 0) {
        free(f);
        free(i64);
        return oom(L);
    }
    L->i64[out] = i64;
    return LT_OK;
}

static lt_status lower_identity(loader *L, const Onnx__NodeProto *n, const char *nn) {
    int x;
    lt_status s = input_of(L, n, nn, 0, 1, &x);
    if (s) return s;
    const char *oname = n->n_output > 0 && n->output[0] != NULL ? n->output[0] : "";
    return bind_name(L, oname, x) == 0 ? LT_OK : oom(L);
}

static lt_status lower_node(loader *L, const Onnx__NodeProto *n, int index, int x_uses) {
    char gen[64];
    const char *nn = n->name != NULL && n->name[0] != '\0' ? n->name : NULL;
    const char *op = n->op_type != NULL ? n->op_type : "";
    if (nn == NULL) {
        snprintf(gen, sizeof gen, "%s_%d", op, index);
        nn = gen;
    }
    if (n->domain != NULL && n->domain[0] != '\0' && strcmp(n->domain, "ai.onnx") != 0) {
        return lt_fail(L->err, LT_ERR_UNSUPPORTED, "op %s of domain '%s' (node '%s') is not supported; supported: %s", op,
                       n->domain, nn, SUPPORTED_OPS);
    }
    if (n->n_output != 1 && strcmp(op, "BatchNormalization") != 0) {
        if (n->n_output == 0) return lt_fail(L->err, LT_ERR_MODEL, "%s node '%s' has no output", op, nn);
    }
    if (strcmp(op, "Conv") == 0) return lower_conv(L, n, nn);
    if (strcmp(op, "BatchNormalization") == 0) return lower_batchnorm(L, n, nn, x_uses);
    if (strcmp(op, "Relu") == 0) return lower_unary(L, n, nn, LT_OP_RELU);
    if (strcmp(op, "Clip") == 0) return lower_unary(L, n, nn, LT_OP_CLIP);
    if (strcmp(op, "Sigmoid") == 0) return lower_unary(L, n, nn, LT_OP_SIGMOID);
    if (strcmp(op, "HardSigmoid") == 0) return lower_unary(L, n, nn, LT_OP_HARD_SIGMOID);
    if (strcmp(op, "HardSwish") == 0) return lower_unary(L, n, nn, LT_OP_HARD_SWISH);
    if (strcmp(op, "Mul") == 0) return lower_binary(L, n, nn, LT_OP_MUL);
    if (strcmp(op, "Add") == 0) return lower_binary(L, n, nn, LT_OP_ADD);
    if (strcmp(op, "GlobalAveragePool") == 0) return lower_pool(L, n, nn, 0);
    if (strcmp(op, "ReduceMean") == 0) return lower_pool(L, n, nn, 1);
    if (strcmp(op, "MatMul") == 0) return lower_matmul(L, n, nn);
    if (strcmp(op, "Gemm") == 0) return lower_gemm(L, n, nn);
    if (strcmp(op, "Reshape") == 0) return lower_reshape(L, n, nn);
    if (strcmp(op, "Flatten") == 0) return lower_flatten(L, n, nn);
    if (strcmp(op, "Transpose") == 0) return lower_transpose(L, n, nn);
    if (strcmp(op, "Identity") == 0) return lower_identity(L, n, nn);
    if (strcmp(op, "Constant") == 0) return lower_constant(L, n, nn);
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "op %s (node '%s') is not supported; supported: %s", op, nn, SUPPORTED_OPS);
}

/* ---------- graph ---------- */

static lt_status load_inputs(loader *L, const Onnx__GraphProto *g) {
    lt_model *m = L->m;
    m->inputs = malloc((g->n_input ? g->n_input : 1) * sizeof *m->inputs);
    if (m->inputs == NULL) return oom(L);
    for (size_t i = 0; i < g->n_input; i++) {
        const Onnx__ValueInfoProto *v = g->input[i];
        const char *name = v->name != NULL ? v->name : "";
        if (find_name(L, name) >= 0) continue; /* an initializer listed as input (IR < 4 style): a constant */
        const Onnx__TypeProto *tp = v->type;
        if (tp == NULL || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE || tp->tensor_type == NULL) {
            return lt_fail(L->err, LT_ERR_MODEL, "graph input '%s' is not a tensor", name);
        }
        const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
        if (tt->elem_type != ONNX_FLOAT) {
            return lt_fail(L->err, LT_ERR_UNSUPPORTED, "graph input '%s' has ONNX element type %d; only float32 is supported",
                           name, tt->elem_type);
        }
        if (tt->shape == NULL) return lt_fail(L->err, LT_ERR_MODEL, "graph input '%s' has no shape", name);
        int64_t d[LT_MAX_RANK];
        size_t r = tt->shape->n_dim;
        /* The runner feeds images and feature maps: every input is NCHW (README: input rank). */
        if (r != 4) {
            return lt_fail(L->err, LT_ERR_MODEL, "graph input '%s' has rank %zu; the runner needs rank-4 NCHW inputs", name, r);
        }
        for (size_t k = 0; k < r; k++) {
            const Onnx__TensorShapeProto__Dimension *dim = tt->shape->dim[k];
            if (dim->value_case != ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE || dim->dim_value < 1) {
                return lt_fail(L->err, LT_ERR_MODEL,
                               "graph input '%s' has no fixed size on axis %zu; export with fixed shapes (batch 1)", name, k);
            }
            d[k] = dim->dim_value;
        }
        int t = add_tensor(L, name, (int)r, d, NULL);
        if (t < 0) return oom(L);
        m->tensors[t].is_input = 1;
        m->inputs[m->n_inputs++] = t;
    }
    if (m->n_inputs == 0) return lt_fail(L->err, LT_ERR_MODEL, "the graph has no input to feed");
    return LT_OK;
}

/* Counts the consumers of each ONNX name so BatchNormalization folds only into a Conv nobody else reads. */
static int uses_of(const Onnx__GraphProto *g, const char *name) {
    int u = 0;
    for (size_t i = 0; i < g->n_node; i++) {
        for (size_t k = 0; k < g->node[i]->n_input; k++) {
            if (g->node[i]->input[k] != NULL && strcmp(g->node[i]->input[k], name) == 0) u++;
        }
    }
    for (size_t i = 0; i < g->n_output; i++) {
        if (g->output[i]->name != NULL && strcmp(g->output[i]->name, name) == 0) u++;
    }
    return u;
}

/* Nodes whose results reach no graph output compute nothing anyone reads: they are dropped (backends may not
 * even allocate their outputs). */
static lt_status drop_dead_nodes(loader *L) {
    lt_model *m = L->m;
    unsigned char *live = calloc((size_t)m->n_tensors + 1, 1);
    if (live == NULL) return oom(L);
    for (int i = 0; i < m->n_outputs; i++) live[m->outputs[i]] = 1;
    for (int i = m->n_nodes - 1; i >= 0; i--) {
        lt_node *n = &m->nodes[i];
        if (!live[n->output]) continue;
        for (int k = 0; k < n->n_inputs; k++) {
            if (n->inputs[k] >= 0) live[n->inputs[k]] = 1;
        }
    }
    int kept = 0;
    for (int i = 0; i < m->n_nodes; i++) {
        lt_node *n = &m->nodes[i];
        if (live[n->output]) {
            m->nodes[kept++] = *n;
        } else {
            free(n->name);
            free(n->onnx_op);
        }
    }
    m->n_nodes = kept;
    free(live);
    return LT_OK;
}

static lt_status load_graph(loader *L, const Onnx__GraphProto *g) {
    lt_status s;
    for (size_t i = 0; i < g->n_initializer; i++) {
        float *f;
        int64_t *i64;
        const Onnx__TensorProto *tp = g->initializer[i];
        if ((s = tensor_data(L, tp, "initializer", &f, &i64))) return s;
        int64_t d[LT_MAX_RANK];
        for (size_t k = 0; k < tp->n_dims; k++) d[k] = tp->dims[k];
        int t = add_tensor(L, tp->name ? tp->name : "", (int)tp->n_dims, d, f);
        if (t < 0) {
            free(f);
            free(i64);
            return oom(L);
        }
        L->i64[t] = i64;
    }
    if ((s = load_inputs(L, g))) return s;
    for (size_t i = 0; i < g->n_node; i++) {
        const Onnx__NodeProto *n = g->node[i];
        int x_uses = n->n_input > 0 && n->input[0] != NULL ? uses_of(g, n->input[0]) : 0;
        if ((s = lower_node(L, n, (int)i, x_uses))) return s;
    }
    lt_model *m = L->m;
    m->outputs = malloc((g->n_output ? g->n_output : 1) * sizeof *m->outputs);
    if (m->outputs == NULL) return oom(L);
    for (size_t i = 0; i < g->n_output; i++) {
        const char *name = g->output[i]->name ? g->output[i]->name : "";
        int t = find_name(L, name);
        if (t < 0) return lt_fail(L->err, LT_ERR_MODEL, "graph output '%s' is not produced by any node", name);
        lt_tensor *tt = &m->tensors[t];
        if (tt->data != NULL || tt->is_input || tt->is_output) {
            return lt_fail(L->err, LT_ERR_UNSUPPORTED,
                           "graph output '%s' is a constant, a graph input or another output; the runner times computed outputs only",
                           name);
        }
        /* An Identity may have renamed it: the output keeps the name the graph gives it. */
        if (strcmp(tt->name, name) != 0) {
            char *nm = dup_str(name);
            if (nm == NULL) return oom(L);
            free(tt->name);
            tt->name = nm;
        }
        tt->is_output = 1;
        m->outputs[m->n_outputs++] = t;
    }
    if (m->n_outputs == 0) return lt_fail(L->err, LT_ERR_MODEL, "the graph has no output");
    return drop_dead_nodes(L);
}

lt_model *lt_model_load(const char *path, lt_error *err) {
    uint8_t *bytes = NULL;
    size_t len = 0;
    if (read_file(path, &bytes, &len, err) != LT_OK) return NULL;
    lt_model *m = calloc(1, sizeof *m);
    if (m == NULL) {
        free(bytes);
        lt_fail(err, LT_ERR_RUNTIME, "out of memory loading '%s'", path);
        return NULL;
    }
    lt_sha256_hex(bytes, len, m->sha256);
    Onnx__ModelProto *mp = len > 0 ? onnx__model_proto__unpack(NULL, len, bytes) : NULL;
    free(bytes);
    if (mp == NULL) {
        lt_fail(err, LT_ERR_MODEL, "'%s' is not an ONNX model (%s)", path,
                len == 0 ? "the file is empty" : "the protobuf does not parse: truncated or corrupt");
        lt_model_free(m);
        return NULL;
    }
    if (mp->graph == NULL || !mp->has_ir_version) {
        lt_fail(err, LT_ERR_MODEL, "'%s' is not an ONNX model (%s): truncated or corrupt", path,
                mp->graph == NULL ? "no graph" : "no IR version");
        onnx__model_proto__free_unpacked(mp, NULL);
        lt_model_free(m);
        return NULL;
    }
    err->code = LT_OK;
    err->message[0] = '\0';
    loader L;
    memset(&L, 0, sizeof L);
    L.m = m;
    L.err = err;
    for (size_t i = 0; i < mp->n_opset_import; i++) {
        const char *d = mp->opset_import[i]->domain;
        if (d == NULL || d[0] == '\0' || strcmp(d, "ai.onnx") == 0) L.opset = (int)mp->opset_import[i]->version;
    }
    lt_status s = load_graph(&L, mp->graph);
    onnx__model_proto__free_unpacked(mp, NULL);
    loader_free(&L);
    if (s != LT_OK) {
        lt_model_free(m);
        return NULL;
    }
    if (m->n_nodes == 0) {
        lt_fail(err, LT_ERR_MODEL, "'%s' has no computation to run", path);
        lt_model_free(m);
        return NULL;
    }
    err->code = LT_OK;
    err->message[0] = '\0';
    return m;
}
