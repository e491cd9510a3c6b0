/* ONNX file -> lt_model: parses the protobuf (protobuf-c code generated from Debian's onnx.proto at build time),
 * resolves every shape, folds BatchNormalization into the preceding Conv and constant-only nodes into constants,
 * and lowers each node to one of the lt_op_kind ops. Anything else is an error naming op, node and the supported
 * list: the runner never skips a node it cannot run. */
#include "onnx-loader.h"
#include "sha256.h"

int64_t lt_tensor_elements(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i < t->rank; i++) {
        n *= t->dims[i];
    }
    return n;
}

char *ld_dup_str(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d != NULL) {
        memcpy(d, s, n);
    }
    return d;
}

/* Also the exit of helpers that return -1 after filling err themselves (a shape check): that message stays. */
lt_status ld_oom(loader *L) {
    if (L->err->code != LT_OK) return L->err->code;
    return lt_fail(L->err, LT_ERR_RUNTIME, "out of memory while loading the model");
}


int ld_find_name(const loader *L, const char *name) {
    for (int i = L->n_names - 1; i >= 0; i--) {
        if (strcmp(L->names[i], name) == 0) {
            return L->name_tensor[i];
        }
    }
    return -1;
}

int ld_bind_name(loader *L, const char *name, int tensor) {
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
    L->names[L->n_names] = ld_dup_str(name);
    if (L->names[L->n_names] == NULL) return -1;
    L->name_tensor[L->n_names++] = tensor;
    return 0;
}

/* Adds a tensor (data is taken over) and binds its name. Returns the index or -1 (out of memory). */
int ld_add_tensor(loader *L, const char *name, int rank, const int64_t *dims, float *data) {
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
    t->name = ld_dup_str(name);
    if (t->name == NULL) return -1;
    m->n_tensors++;
    t->rank = rank;
    for (int i = 0; i < rank; i++) t->dims[i] = dims[i];
    t->data = data;
    if (ld_bind_name(L, name, idx) != 0) return -1;
    return idx;
}

lt_node *ld_add_node(loader *L, const char *name, const char *op, lt_op_kind kind) {
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
    n->name = ld_dup_str(name);
    n->onnx_op = ld_dup_str(op);
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

/* A node of `kind` reading in0 (and in1, in2 unless -1) into `out`; NULL when out of memory. */
lt_node *ld_add_op(loader *L, const char *name, const char *op, lt_op_kind kind, int out, int in0, int in1, int in2) {
    lt_node *node = ld_add_node(L, name, op, kind);
    if (node == NULL) return NULL;
    node->inputs[0] = in0;
    node->inputs[1] = in1;
    node->inputs[2] = in2;
    node->n_inputs = in1 < 0 ? 1 : in2 < 0 ? 2 : 3;
    node->output = out;
    return node;
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

void ld_loader_free(loader *L) {
    for (int i = 0; i < L->n_names; i++) free(L->names[i]);
    free(L->names);
    free(L->name_tensor);
    if (L->i64 != NULL) {
        for (int i = 0; i < L->m->n_tensors; i++) free(L->i64[i]);
    }
    free(L->i64);
}

/* ---------- graph ---------- */

static lt_status load_inputs(loader *L, const Onnx__GraphProto *g) {
    lt_model *m = L->m;
    m->inputs = malloc((g->n_input ? g->n_input : 1) * sizeof *m->inputs);
    if (m->inputs == NULL) return ld_oom(L);
    for (size_t i = 0; i < g->n_input; i++) {
        const Onnx__ValueInfoProto *v = g->input[i];
        const char *name = v->name != NULL ? v->name : "";
        if (ld_find_name(L, name) >= 0) continue; /* an initializer listed as input (IR < 4 style): a constant */
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
        int t = ld_add_tensor(L, name, (int)r, d, NULL);
        if (t < 0) return ld_oom(L);
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
    if (live == NULL) return ld_oom(L);
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
        if ((s = ld_tensor_data(L, tp, "initializer", &f, &i64))) return s;
        int64_t d[LT_MAX_RANK];
        for (size_t k = 0; k < tp->n_dims; k++) d[k] = tp->dims[k];
        int t = ld_add_tensor(L, tp->name ? tp->name : "", (int)tp->n_dims, d, f);
        if (t < 0) {
            free(f);
            free(i64);
            return ld_oom(L);
        }
        L->i64[t] = i64;
    }
    if ((s = load_inputs(L, g))) return s;
    for (size_t i = 0; i < g->n_node; i++) {
        const Onnx__NodeProto *n = g->node[i];
        int x_uses = n->n_input > 0 && n->input[0] != NULL ? uses_of(g, n->input[0]) : 0;
        if ((s = ld_lower_node(L, n, (int)i, x_uses))) return s;
    }
    lt_model *m = L->m;
    m->outputs = malloc((g->n_output ? g->n_output : 1) * sizeof *m->outputs);
    if (m->outputs == NULL) return ld_oom(L);
    for (size_t i = 0; i < g->n_output; i++) {
        const char *name = g->output[i]->name ? g->output[i]->name : "";
        int t = ld_find_name(L, name);
        if (t < 0) return lt_fail(L->err, LT_ERR_MODEL, "graph output '%s' is not produced by any node", name);
        lt_tensor *tt = &m->tensors[t];
        if (tt->data != NULL || tt->is_input || tt->is_output) {
            return lt_fail(L->err, LT_ERR_UNSUPPORTED,
                           "graph output '%s' is a constant, a graph input or another output; the runner times computed outputs only",
                           name);
        }
        /* An Identity may have renamed it: the output keeps the name the graph gives it. */
        if (strcmp(tt->name, name) != 0) {
            char *nm = ld_dup_str(name);
            if (nm == NULL) return ld_oom(L);
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
    if (ld_read_file(path, &bytes, &len, err) != LT_OK) return NULL;
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
    ld_loader_free(&L);
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
