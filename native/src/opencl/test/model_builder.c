#include "model_builder.h"

#include <stdlib.h>
#include <string.h>

#define CAP 512

static char *copy_string(const char *text) {
    size_t n = strlen(text) + 1;
    char *copy = malloc(n);
    memcpy(copy, text, n);
    return copy;
}

float mb_uniform(mb_rng *rng) {
    rng->state = rng->state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (float)((rng->state >> 40) & 0xffffff) / 8388608.0f - 1.0f;
}

lt_model *mb_new(void) {
    lt_model *m = calloc(1, sizeof *m);
    m->tensors = calloc(CAP, sizeof *m->tensors);
    m->nodes = calloc(CAP, sizeof *m->nodes);
    m->inputs = calloc(CAP, sizeof *m->inputs);
    m->outputs = calloc(CAP, sizeof *m->outputs);
    return m;
}

int mb_tensor(lt_model *m, const char *name, int rank, const int64_t *dims) {
    lt_tensor *t = &m->tensors[m->n_tensors];
    t->name = copy_string(name);
    t->rank = rank;
    memcpy(t->dims, dims, (size_t)rank * sizeof *dims);
    return m->n_tensors++;
}

int mb_input(lt_model *m, const char *name, int rank, const int64_t *dims) {
    int t = mb_tensor(m, name, rank, dims);
    m->tensors[t].is_input = 1;
    m->inputs[m->n_inputs++] = t;
    return t;
}

int mb_const(lt_model *m, const char *name, int rank, const int64_t *dims, mb_rng *rng, float scale) {
    int t = mb_tensor(m, name, rank, dims);
    int64_t n = lt_tensor_elements(&m->tensors[t]);
    m->tensors[t].data = malloc((size_t)(n ? n : 1) * sizeof(float));
    for (int64_t i = 0; i < n; i++) m->tensors[t].data[i] = scale * mb_uniform(rng);
    return t;
}

void mb_output(lt_model *m, int tensor) {
    m->tensors[tensor].is_output = 1;
    m->outputs[m->n_outputs++] = tensor;
}

int mb_node(lt_model *m, const char *name, const char *onnx_op, lt_op_kind kind, int in0, int in1, int in2, int out) {
    lt_node *n = &m->nodes[m->n_nodes];
    n->name = copy_string(name);
    n->onnx_op = copy_string(onnx_op);
    n->kind = kind;
    n->inputs[0] = in0;
    n->inputs[1] = in1;
    n->inputs[2] = in2;
    n->n_inputs = in2 >= 0 ? 3 : in1 >= 0 ? 2 : 1;
    n->output = out;
    return m->n_nodes++;
}

int mb_conv(lt_model *m, const char *name, int x, int out_channels, int kernel, int stride, int pad, int dilation,
            int group, mb_rng *rng) {
    const lt_tensor *in = &m->tensors[x];
    int64_t c = in->dims[1];
    int64_t extent = (int64_t)dilation * (kernel - 1) + 1;
    int64_t oh = (in->dims[2] + 2 * pad - extent) / stride + 1, ow = (in->dims[3] + 2 * pad - extent) / stride + 1;
    int64_t wd[4] = {out_channels, c / group, kernel, kernel}, bd[1] = {out_channels};
    int64_t yd[4] = {in->dims[0], out_channels, oh, ow};
    char buf[128];
    float scale = 1.0f / (float)(c / group * kernel * kernel);
    strcpy(buf, name);
    strcat(buf, ".weight");
    int w = mb_const(m, buf, 4, wd, rng, 2.0f * scale);
    strcpy(buf, name);
    strcat(buf, ".bias");
    int b = mb_const(m, buf, 1, bd, rng, 0.1f);
    strcpy(buf, name);
    strcat(buf, ".out");
    int y = mb_tensor(m, buf, 4, yd);
    int node = mb_node(m, name, "Conv", LT_OP_CONV, x, w, b, y);
    lt_conv_params *p = &m->nodes[node].p.conv;
    p->kernel_h = p->kernel_w = kernel;
    p->stride_h = p->stride_w = stride;
    p->dilation_h = p->dilation_w = dilation;
    p->pad_top = p->pad_left = p->pad_bottom = p->pad_right = pad;
    p->group = group;
    return y;
}
