/* Internal to the ONNX loader (onnx-*.c): the loader's state and the helpers its parts share. Reading
 * (onnx-read.c), attributes and tensor helpers (onnx-attrs.c), lowering per op family (onnx-lower-*.c), the op
 * list (onnx-ops.c) and the graph with its clean-up (onnx-loader.c). */
#ifndef LT_ONNX_LOADER_H
#define LT_ONNX_LOADER_H

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "onnx.pb-c.h"

#define ONNX_FLOAT 1
#define ONNX_INT64 7

/* Above this a tensor is certainly not a tracker's, and sizes in bytes could overflow. */
#define LT_MAX_ELEMENTS ((int64_t)1 << 30)

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

/* onnx-loader.c: loader state: tensors, nodes and names of the model being built */
char *ld_dup_str(const char *s);
lt_status ld_oom(loader *L);
int ld_find_name(const loader *L, const char *name);
int ld_bind_name(loader *L, const char *name, int tensor);
int ld_add_tensor(loader *L, const char *name, int rank, const int64_t *dims, float *data);
lt_node *ld_add_node(loader *L, const char *name, const char *op, lt_op_kind kind);
lt_node *ld_add_op(loader *L, const char *name, const char *op, lt_op_kind kind, int out, int in0, int in1, int in2);
void ld_loader_free(loader *L);

/* onnx-read.c: reading: the file and the data of ONNX tensors */
lt_status ld_read_file(const char *path, uint8_t **out, size_t *len, lt_error *err);
lt_status ld_tensor_data(loader *L, const Onnx__TensorProto *tp, const char *what, float **f, int64_t **i64);

/* onnx-attrs.c: attributes and tensor helpers */
const Onnx__AttributeProto *ld_attr(const Onnx__NodeProto *n, const char *name);
int64_t ld_attr_int(const Onnx__NodeProto *n, const char *name, int64_t dflt);
float ld_attr_float(const Onnx__NodeProto *n, const char *name, float dflt);
const char *ld_attr_string(const Onnx__NodeProto *n, const char *name, const char *dflt, char *buf, size_t cap);
lt_status ld_check_attrs(loader *L, const Onnx__NodeProto *n, const char *node_name, const char *const *known);
lt_tensor *ld_tensor(loader *L, int i);
int ld_is_const(loader *L, int i);
lt_status ld_input_of(loader *L, const Onnx__NodeProto *n, const char *node_name, size_t k, int required, int *out);
lt_status ld_begin(loader *L, const Onnx__NodeProto *n, const char *node_name, const char *const *known, int *x);
void ld_dims_str(const lt_tensor *t, char *buf, size_t cap);
int ld_broadcast(const lt_tensor *a, const lt_tensor *b, int *rank, int64_t *dims);
float ld_bcast_at(const lt_tensor *t, int r, const int64_t *idx);
float *ld_alloc_floats(int64_t n);
int ld_new_output(loader *L, const Onnx__NodeProto *n, int rank, const int64_t *dims, float *data);
int ld_new_temp(loader *L, const char *node_name, const char *suffix, int rank, const int64_t *dims);
float *ld_permute_data(const lt_tensor *t, const int *perm, int64_t *out_dims);

/* onnx-lower-conv.c: lowering Conv and BatchNormalization (folded into the Conv before it) */
lt_status ld_unsupported_attr_value(loader *L, const Onnx__NodeProto *n, const char *nn, const char *what);
lt_status ld_lower_conv(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_batchnorm(loader *L, const Onnx__NodeProto *n, const char *nn, int x_uses);

/* onnx-lower-ops.c: lowering element-wise ops and pooling */
lt_status ld_lower_unary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind);
lt_status ld_lower_binary(loader *L, const Onnx__NodeProto *n, const char *nn, lt_op_kind kind);
lt_status ld_add_reshape(loader *L, const char *nn, const char *op, int x, int out);
lt_status ld_lower_pool(loader *L, const Onnx__NodeProto *n, const char *nn, int reduce_mean);

/* onnx-lower-shape.c: lowering shape ops, MatMul, Gemm and constants */
lt_status ld_lower_reshape(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_flatten(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_transpose(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_matmul(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_gemm(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_constant(loader *L, const Onnx__NodeProto *n, const char *nn);
lt_status ld_lower_identity(loader *L, const Onnx__NodeProto *n, const char *nn);

/* onnx-ops.c: the op list: dispatch and the supported-ops message */
/* Lowers node n (the index-th of the graph); x_uses: how many nodes read its first input (BatchNormalization
 * folds only into a Conv nobody else reads). */
lt_status ld_lower_node(loader *L, const Onnx__NodeProto *n, int index, int x_uses);

#endif
