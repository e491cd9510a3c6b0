/* ONNX loader, the op list: one table gives both the dispatch and the list named in "not supported" errors. */
#include "onnx-loader.h"

/* X(op_type, how the supported list names it, the lowering call) */
#define LT_ONNX_OPS(X)                                                                 \
    X("Conv", "Conv", ld_lower_conv(L, n, nn))                                        \
    X("BatchNormalization", "BatchNormalization", ld_lower_batchnorm(L, n, nn, x_uses)) \
    X("Relu", "Relu", ld_lower_unary(L, n, nn, LT_OP_RELU))                           \
    X("Clip", "Clip", ld_lower_unary(L, n, nn, LT_OP_CLIP))                           \
    X("Sigmoid", "Sigmoid", ld_lower_unary(L, n, nn, LT_OP_SIGMOID))                  \
    X("HardSigmoid", "HardSigmoid", ld_lower_unary(L, n, nn, LT_OP_HARD_SIGMOID))     \
    X("HardSwish", "HardSwish", ld_lower_unary(L, n, nn, LT_OP_HARD_SWISH))           \
    X("Mul", "Mul", ld_lower_binary(L, n, nn, LT_OP_MUL))                             \
    X("Add", "Add", ld_lower_binary(L, n, nn, LT_OP_ADD))                             \
    X("GlobalAveragePool", "GlobalAveragePool", ld_lower_pool(L, n, nn, 0))           \
    X("ReduceMean", "ReduceMean (axes H,W of NCHW)", ld_lower_pool(L, n, nn, 1))      \
    X("MatMul", "MatMul", ld_lower_matmul(L, n, nn))                                  \
    X("Gemm", "Gemm (one constant operand)", ld_lower_gemm(L, n, nn))                 \
    X("Reshape", "Reshape", ld_lower_reshape(L, n, nn))                               \
    X("Flatten", "Flatten", ld_lower_flatten(L, n, nn))                               \
    X("Transpose", "Transpose", ld_lower_transpose(L, n, nn))                         \
    X("Identity", "Identity", ld_lower_identity(L, n, nn))                            \
    X("Constant", "Constant", ld_lower_constant(L, n, nn))

#define LT_OP_LABEL(op_type, label, call) ", " label
/* the labels joined by ", " (the leading separator is skipped where it is used) */
static const char SUPPORTED_LIST[] = LT_ONNX_OPS(LT_OP_LABEL);
#define SUPPORTED_OPS (SUPPORTED_LIST + 2)

lt_status ld_lower_node(loader *L, const Onnx__NodeProto *n, int index, int x_uses) {
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
#define LT_OP_DISPATCH(op_type, label, call) \
    if (strcmp(op, op_type) == 0) return call;
    LT_ONNX_OPS(LT_OP_DISPATCH)
#undef LT_OP_DISPATCH
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "op %s (node '%s') is not supported; supported: %s", op, nn, SUPPORTED_OPS);
}
