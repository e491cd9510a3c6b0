/* Which nodes the gpu backend folds into the kernel of the node that produces their input: an activation
 * (Relu, Clip, Sigmoid, HardSigmoid, HardSwish) directly after a Conv, MatMul, Add or Mul, and the
 * x * sigmoid(x) pair (Sigmoid + Mul) as swish. Pure graph analysis, no OpenCL. */
#ifndef LTRUNNER_OPENCL_FUSION_H
#define LTRUNNER_OPENCL_FUSION_H

#include "../model.h"

/* Activation codes shared with kernels.cl. */
typedef enum lt_cl_act {
    LT_CL_ACT_NONE = 0,
    LT_CL_ACT_RELU = 1,
    LT_CL_ACT_CLIP = 2,
    LT_CL_ACT_SIGMOID = 3,
    LT_CL_ACT_HARD_SIGMOID = 4,
    LT_CL_ACT_HARD_SWISH = 5,
    LT_CL_ACT_SWISH = 6
} lt_cl_act;

typedef struct lt_cl_fused {
    int fused_into;   /* the producing node's index when this node runs inside its kernel, else -1 */
    int target;       /* tensor the node's kernel writes (its own output, or the last fused node's output) */
    lt_cl_act act;    /* activation applied in this node's kernel */
    float p0, p1;     /* clip min/max or hard_sigmoid alpha/beta */
} lt_cl_fused;

/* Fills one entry per node. */
void lt_cl_plan_fusion(const lt_model *model, lt_cl_fused *out);

/* The activation a standalone activation node computes (NONE when the node is no activation). */
lt_cl_act lt_cl_node_act(const lt_node *node, float *p0, float *p1);

#endif
