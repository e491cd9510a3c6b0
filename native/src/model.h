/* The runner's in-memory model: an ONNX graph after loading, shape resolution and constant folding.
 * Every backend (backend-xnnpack.c, backend-opencl.c) compiles from this, never from the protobuf.
 * Layout is ONNX's (NCHW, conv weights [O, I/group, kH, kW]); backends convert to their own. */
#ifndef LTRUNNER_MODEL_H
#define LTRUNNER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

#define LT_MAX_RANK 6

typedef struct lt_tensor {
    char *name;
    int rank;
    int64_t dims[LT_MAX_RANK];
    float *data;     /* non-NULL for constants: initializers, Constant nodes, folded BatchNormalization */
    int is_input;    /* a graph input the caller feeds (not an initializer) */
    int is_output;   /* a graph output */
} lt_tensor;

/* What the loader lowers ONNX to. Each kind lists its inputs (tensor indices) and parameters. */
typedef enum lt_op_kind {
    LT_OP_CONV,            /* in: x, W (const [O, I/g, kH, kW]), optional B (const [O]); p.conv */
    LT_OP_MATMUL,          /* in: a, b; exactly one is const; optional bias (const, broadcast on the last axis).
                              Gemm lowers here with transA/transB/alpha/beta applied to the constants at load. */
    LT_OP_ADD,             /* in: a, b; numpy broadcasting; either may be const */
    LT_OP_MUL,             /* in: a, b; numpy broadcasting (SE scaling [N,C,1,1] × [N,C,H,W]); either may be const.
                              A standalone BatchNormalization (not after a Conv) lowers to MUL then ADD with const
                              [1,C,1,1] tensors. */
    LT_OP_RELU,            /* in: x */
    LT_OP_CLIP,            /* in: x; p.clip (ReLU6 is min 0 max 6) */
    LT_OP_SIGMOID,         /* in: x */
    LT_OP_HARD_SIGMOID,    /* in: x; p.hard_sigmoid: y = max(0, min(1, alpha*x + beta)) */
    LT_OP_HARD_SWISH,      /* in: x */
    LT_OP_GLOBAL_AVG_POOL, /* in: x [N,C,H,W] -> [N,C,1,1]; ReduceMean over axes {2,3} with keepdims=1 lowers here
                              (keepdims=0 adds a RESHAPE after it) */
    LT_OP_RESHAPE,         /* in: x; output dims are the output tensor's dims (Flatten and Reshape lower here) */
    LT_OP_TRANSPOSE        /* in: x; p.transpose.perm */
} lt_op_kind;

typedef struct lt_conv_params {
    int kernel_h, kernel_w;
    int stride_h, stride_w;
    int dilation_h, dilation_w;
    int pad_top, pad_left, pad_bottom, pad_right; /* auto_pad resolved at load */
    int group;                                    /* group == in channels == out channels: depthwise */
} lt_conv_params;

typedef struct lt_node {
    char *name;          /* the ONNX node name (a generated "<op_type>_<index>" when the file has none) */
    char *onnx_op;       /* the ONNX op type it came from ("Conv", "BatchNormalization", "Gemm", ...) */
    lt_op_kind kind;
    int n_inputs;
    int inputs[3];       /* tensor indices; -1 for an absent optional input */
    int output;          /* tensor index */
    union {
        lt_conv_params conv;
        struct { float min, max; } clip;
        struct { float alpha, beta; } hard_sigmoid;
        struct { int perm[LT_MAX_RANK]; } transpose;
    } p;
} lt_node;

typedef struct lt_model {
    lt_tensor *tensors;
    int n_tensors;
    lt_node *nodes;      /* in topological order */
    int n_nodes;
    int *inputs;         /* tensor indices of graph inputs, in file order */
    int n_inputs;
    int *outputs;        /* tensor indices of graph outputs, in file order */
    int n_outputs;
    char sha256[65];     /* of the file's bytes, lower-case hex */
} lt_model;

/* Loads, validates and lowers an ONNX file. On failure returns NULL and fills err (LT_ERR_MODEL for a file that
 * is missing, truncated or corrupt; LT_ERR_UNSUPPORTED naming op type, node and what is supported). */
lt_model *lt_model_load(const char *path, lt_error *err);
void lt_model_free(lt_model *model);

/* Number of elements of a tensor. */
int64_t lt_tensor_elements(const lt_tensor *t);

#endif
