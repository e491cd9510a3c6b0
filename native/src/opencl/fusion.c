#include "fusion.h"

#include <stdlib.h>

lt_cl_act lt_cl_node_act(const lt_node *node, float *p0, float *p1) {
    *p0 = 0.0f;
    *p1 = 0.0f;
    switch (node->kind) {
    case LT_OP_RELU: return LT_CL_ACT_RELU;
    case LT_OP_CLIP:
        *p0 = node->p.clip.min;
        *p1 = node->p.clip.max;
        return LT_CL_ACT_CLIP;
    case LT_OP_SIGMOID: return LT_CL_ACT_SIGMOID;
    case LT_OP_HARD_SIGMOID:
        *p0 = node->p.hard_sigmoid.alpha;
        *p1 = node->p.hard_sigmoid.beta;
        return LT_CL_ACT_HARD_SIGMOID;
    case LT_OP_HARD_SWISH: return LT_CL_ACT_HARD_SWISH;
    default: return LT_CL_ACT_NONE;
    }
}

static int can_take_activation(lt_op_kind kind) {
    return kind == LT_OP_CONV || kind == LT_OP_MATMUL || kind == LT_OP_ADD || kind == LT_OP_MUL;
}

static int uses(const lt_node *node, int tensor) {
    for (int i = 0; i < node->n_inputs; i++) {
        if (node->inputs[i] == tensor) return 1;
    }
    return 0;
}

/* Consumers of a tensor: (node index list, how many). A node reading it twice counts once. */
static int consumers(const lt_model *model, int tensor, int *list, int cap) {
    int n = 0;
    for (int i = 0; i < model->n_nodes; i++) {
        if (uses(&model->nodes[i], tensor)) {
            if (n < cap) list[n] = i;
            n++;
        }
    }
    return n;
}

static void try_fuse(const lt_model *model, int producer, lt_cl_fused *out) {
    const lt_node *node = &model->nodes[producer];
    int t = node->output;
    if (model->tensors[t].is_output) return;
    int list[2];
    int n = consumers(model, t, list, 2);
    if (n == 1) {
        const lt_node *a = &model->nodes[list[0]];
        float p0, p1;
        lt_cl_act act = lt_cl_node_act(a, &p0, &p1);
        if (act == LT_CL_ACT_NONE || out[list[0]].fused_into >= 0) return;
        out[producer].act = act;
        out[producer].p0 = p0;
        out[producer].p1 = p1;
        out[producer].target = a->output;
        out[list[0]].fused_into = producer;
        return;
    }
    if (n != 2) return;
    /* swish: s = Sigmoid(t); y = Mul(t, s) with s read by nothing else */
    for (int k = 0; k < 2; k++) {
        const lt_node *sig = &model->nodes[list[k]];
        const lt_node *mul = &model->nodes[list[1 - k]];
        if (sig->kind != LT_OP_SIGMOID || mul->kind != LT_OP_MUL || mul->n_inputs != 2) continue;
        int s = sig->output;
        int pair = (mul->inputs[0] == t && mul->inputs[1] == s) || (mul->inputs[0] == s && mul->inputs[1] == t);
        int s_list[2];
        if (!pair || model->tensors[s].is_output || consumers(model, s, s_list, 2) != 1) continue;
        out[producer].act = LT_CL_ACT_SWISH;
        out[producer].target = mul->output;
        out[list[k]].fused_into = producer;
        out[list[1 - k]].fused_into = producer;
        return;
    }
}

void lt_cl_plan_fusion(const lt_model *model, lt_cl_fused *out) {
    for (int i = 0; i < model->n_nodes; i++) {
        out[i].fused_into = -1;
        out[i].target = model->nodes[i].output;
        out[i].act = LT_CL_ACT_NONE;
        out[i].p0 = out[i].p1 = 0.0f;
    }
    for (int i = 0; i < model->n_nodes; i++) {
        if (out[i].fused_into < 0 && can_take_activation(model->nodes[i].kind)) try_fuse(model, i, out);
    }
}
