#include "reference.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void conv(const lt_model *m, const lt_node *n, float **v) {
    const lt_tensor *x = &m->tensors[n->inputs[0]], *w = &m->tensors[n->inputs[1]], *y = &m->tensors[n->output];
    const lt_conv_params *p = &n->p.conv;
    int64_t N = x->dims[0], C = x->dims[1], H = x->dims[2], W = x->dims[3];
    int64_t OC = y->dims[1], OH = y->dims[2], OW = y->dims[3], KH = w->dims[2], KW = w->dims[3];
    int64_t cg = C / p->group, ocg = OC / p->group;
    const float *xv = v[n->inputs[0]], *wv = v[n->inputs[1]];
    const float *bv = n->n_inputs > 2 && n->inputs[2] >= 0 ? v[n->inputs[2]] : NULL;
    float *yv = v[n->output];
    for (int64_t b = 0; b < N; b++)
        for (int64_t oc = 0; oc < OC; oc++)
            for (int64_t oh = 0; oh < OH; oh++)
                for (int64_t ow = 0; ow < OW; ow++) {
                    double acc = bv ? bv[oc] : 0.0;
                    for (int64_t ci = 0; ci < cg; ci++) {
                        int64_t c = (oc / ocg) * cg + ci;
                        for (int64_t kh = 0; kh < KH; kh++)
                            for (int64_t kw = 0; kw < KW; kw++) {
                                int64_t ih = oh * p->stride_h - p->pad_top + kh * p->dilation_h;
                                int64_t iw = ow * p->stride_w - p->pad_left + kw * p->dilation_w;
                                if (ih < 0 || ih >= H || iw < 0 || iw >= W) continue;
                                acc += (double)xv[((b * C + c) * H + ih) * W + iw] *
                                       wv[((oc * cg + ci) * KH + kh) * KW + kw];
                            }
                    }
                    yv[((b * OC + oc) * OH + oh) * OW + ow] = (float)acc;
                }
}

/* Offset into t for the output multi-index `idx` (rank of y), numpy broadcasting. */
static int64_t broadcast_offset(const lt_tensor *t, const lt_tensor *y, const int64_t *idx) {
    int64_t offset = 0, stride = 1;
    for (int axis = t->rank - 1; axis >= 0; axis--) {
        int yaxis = y->rank - (t->rank - axis);
        int64_t i = t->dims[axis] == 1 ? 0 : idx[yaxis];
        offset += i * stride;
        stride *= t->dims[axis];
    }
    return offset;
}

static void binary(const lt_model *m, const lt_node *n, float **v) {
    const lt_tensor *a = &m->tensors[n->inputs[0]], *b = &m->tensors[n->inputs[1]], *y = &m->tensors[n->output];
    int64_t count = lt_tensor_elements(y), idx[LT_MAX_RANK];
    for (int64_t i = 0; i < count; i++) {
        int64_t r = i;
        for (int axis = y->rank - 1; axis >= 0; axis--) {
            idx[axis] = r % y->dims[axis];
            r /= y->dims[axis];
        }
        float va = v[n->inputs[0]][broadcast_offset(a, y, idx)], vb = v[n->inputs[1]][broadcast_offset(b, y, idx)];
        v[n->output][i] = n->kind == LT_OP_MUL ? va * vb : va + vb;
    }
}

static void matmul(const lt_model *m, const lt_node *n, float **v) {
    const lt_tensor *a = &m->tensors[n->inputs[0]], *b = &m->tensors[n->inputs[1]];
    int64_t M = a->rank >= 2 ? a->dims[a->rank - 2] : 1, K = a->dims[a->rank - 1];
    int64_t N = b->rank >= 2 ? b->dims[b->rank - 1] : 1;
    int64_t batch_a = lt_tensor_elements(a) / (M * K), batch_b = lt_tensor_elements(b) / (K * N);
    int64_t batch = batch_a > batch_b ? batch_a : batch_b;
    const float *bias = n->n_inputs > 2 && n->inputs[2] >= 0 ? v[n->inputs[2]] : NULL;
    int64_t bias_n = bias ? lt_tensor_elements(&m->tensors[n->inputs[2]]) : 0;
    for (int64_t s = 0; s < batch; s++)
        for (int64_t i = 0; i < M; i++)
            for (int64_t j = 0; j < N; j++) {
                double acc = bias ? bias[bias_n == 1 ? 0 : j] : 0.0;
                for (int64_t k = 0; k < K; k++) {
                    acc += (double)v[n->inputs[0]][(batch_a == 1 ? 0 : s) * M * K + i * K + k] *
                           v[n->inputs[1]][(batch_b == 1 ? 0 : s) * K * N + k * N + j];
                }
                v[n->output][(s * M + i) * N + j] = (float)acc;
            }
}

static float unary(const lt_node *n, float x) {
    switch (n->kind) {
    case LT_OP_RELU: return x > 0 ? x : 0;
    case LT_OP_CLIP: return fminf(fmaxf(x, n->p.clip.min), n->p.clip.max);
    case LT_OP_SIGMOID: return 1.0f / (1.0f + expf(-x));
    case LT_OP_HARD_SIGMOID: return fmaxf(0.0f, fminf(1.0f, n->p.hard_sigmoid.alpha * x + n->p.hard_sigmoid.beta));
    case LT_OP_HARD_SWISH: return x * fmaxf(0.0f, fminf(1.0f, x / 6.0f + 0.5f));
    default: return x;
    }
}

static void transpose(const lt_model *m, const lt_node *n, float **v) {
    const lt_tensor *x = &m->tensors[n->inputs[0]], *y = &m->tensors[n->output];
    int64_t count = lt_tensor_elements(y), idx[LT_MAX_RANK], xs[LT_MAX_RANK], stride = 1;
    for (int axis = x->rank - 1; axis >= 0; axis--) {
        xs[axis] = stride;
        stride *= x->dims[axis];
    }
    for (int64_t i = 0; i < count; i++) {
        int64_t r = i, offset = 0;
        for (int axis = y->rank - 1; axis >= 0; axis--) {
            idx[axis] = r % y->dims[axis];
            r /= y->dims[axis];
            offset += idx[axis] * xs[n->p.transpose.perm[axis]];
        }
        v[n->output][i] = v[n->inputs[0]][offset];
    }
}

float **ref_run(const lt_model *m, float *const *inputs) {
    float **v = calloc((size_t)m->n_tensors, sizeof *v);
    for (int i = 0; i < m->n_tensors; i++) {
        int64_t count = lt_tensor_elements(&m->tensors[i]);
        v[i] = calloc((size_t)(count ? count : 1), sizeof(float));
        if (m->tensors[i].data) memcpy(v[i], m->tensors[i].data, (size_t)count * sizeof(float));
    }
    for (int i = 0; i < m->n_inputs; i++) {
        memcpy(v[m->inputs[i]], inputs[i], (size_t)lt_tensor_elements(&m->tensors[m->inputs[i]]) * sizeof(float));
    }
    for (int k = 0; k < m->n_nodes; k++) {
        const lt_node *n = &m->nodes[k];
        int64_t count = lt_tensor_elements(&m->tensors[n->output]);
        switch (n->kind) {
        case LT_OP_CONV: conv(m, n, v); break;
        case LT_OP_MATMUL: matmul(m, n, v); break;
        case LT_OP_ADD:
        case LT_OP_MUL: binary(m, n, v); break;
        case LT_OP_GLOBAL_AVG_POOL: {
            const lt_tensor *x = &m->tensors[n->inputs[0]];
            int64_t hw = x->dims[2] * x->dims[3];
            for (int64_t c = 0; c < count; c++) {
                double sum = 0;
                for (int64_t i = 0; i < hw; i++) sum += v[n->inputs[0]][c * hw + i];
                v[n->output][c] = (float)(sum / (double)hw);
            }
            break;
        }
        case LT_OP_RESHAPE: memcpy(v[n->output], v[n->inputs[0]], (size_t)count * sizeof(float)); break;
        case LT_OP_TRANSPOSE: transpose(m, n, v); break;
        default:
            for (int64_t i = 0; i < count; i++) v[n->output][i] = unary(n, v[n->inputs[0]][i]);
            break;
        }
    }
    return v;
}

void ref_free(const lt_model *m, float **v) {
    for (int i = 0; i < m->n_tensors; i++) free(v[i]);
    free(v);
}
