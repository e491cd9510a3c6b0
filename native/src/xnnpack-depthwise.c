/* cpu backend (XNNPACK), depthwise convolutions without a single-pass XNNPACK kernel. */
#include "xnnpack-build.h"

/* This XNNPACK snapshot has single-pass depthwise kernels for exactly 9 and 25 taps (3x3, 5x5); any other size
 * (7x7 in LightTrack) falls back to a grouped GEMM convolution about 30x slower. In fp32 (multiplier 1) such a
 * kernel runs as one host pass (compile_host_depthwise); fp16 runs, and other multipliers, use a sum of up
 * to 2x2 depthwise convolutions over 3x3 or 5x5 windows of the kernel, zero where a tap belongs to another window
 * or lies outside the kernel. A window shifted by `start` taps reads the input with its pads reduced by that
 * shift, so it needs pads >= the shift (true for "same" padding); otherwise the direct path stays. */

int xb_dw_native_taps(int taps) { return taps == 9 || taps == 25; }

/* Covers [0, k) with n windows of length len whose pads stay >= 0; returns 0 when impossible. */
static int plan_axis(int k, int lo, int hi, int d, int len, int n, dw_piece *out) {
    int a_min = k - len - hi / d, a_max = lo / d; /* pads lo - a*d >= 0 and hi - (k - a - len)*d >= 0 */
    for (int a1 = a_min; a1 <= a_max && a1 <= 0; a1++) {
        if (n == 1) {
            if (a1 + len >= k) {
                out[0] = (dw_piece){a1, len, 0, k};
                return 1;
            }
            continue;
        }
        for (int a2 = a1 + 1; a2 <= a_max && a2 <= a1 + len; a2++) {
            if (a2 + len >= k && a1 + len < k) {
                out[0] = (dw_piece){a1, len, 0, a1 + len};
                out[1] = (dw_piece){a2, len, a1 + len, k};
                return 1;
            }
        }
    }
    return 0;
}

/* The cheapest window plan (fewest taps computed); 0 when none fits the pads. */
int xb_plan_dw_split(const lt_conv_params *p, dw_piece *rows, int *nr, dw_piece *cols, int *nc) {
    static const int lens[2] = {5, 3};
    int best = 0;
    for (int li = 0; li < 2; li++) {
        for (int r = 1; r <= 2; r++) {
            for (int c = 1; c <= 2; c++) {
                dw_piece tr[2], tc[2];
                int cost = r * c * lens[li] * lens[li];
                if (best != 0 && cost >= best) continue;
                if (!plan_axis(p->kernel_h, p->pad_top, p->pad_bottom, p->dilation_h, lens[li], r, tr) ||
                    !plan_axis(p->kernel_w, p->pad_left, p->pad_right, p->dilation_w, lens[li], c, tc))
                    continue;
                best = cost;
                memcpy(rows, tr, sizeof tr);
                memcpy(cols, tc, sizeof tc);
                *nr = r;
                *nc = c;
            }
        }
    }
    return best != 0;
}

lt_status xb_compile_split_depthwise(xnn_state *st, const lt_node *n, const float *wd, uint32_t bid, uint32_t in_id,
                                         int out, const dw_piece *rows, int nr, const dw_piece *cols, int nc,
                                         lt_error *err) {
    const lt_conv_params *p = &n->p.conv;
    const lt_tensor *x = &st->model->tensors[n->inputs[0]];
    int64_t cout = st->model->tensors[n->inputs[1]].dims[0], cin = x->dims[1];
    int kw = p->kernel_w;
    xnn_subgraph_t sg = xb_cur_seg(st)->sg;
    size_t odims[4];
    for (int i = 0; i < 4; i++) odims[i] = (size_t)st->vars[out].pdims[i];
    uint32_t acc = XNN_INVALID_VALUE_ID;
    int pieces = nr * nc, k = 0;
    for (int i = 0; i < nr; i++) {
        for (int j = 0; j < nc; j++, k++) {
            const dw_piece *r = &rows[i], *c = &cols[j];
            float *pw = xb_own(st, (size_t)(r->len * c->len * cout));
            if (pw == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
            for (int y = 0; y < r->len; y++) {
                for (int xx = 0; xx < c->len; xx++) {
                    int ky = r->start + y, kx = c->start + xx;
                    int mine = ky >= r->own_lo && ky < r->own_hi && kx >= c->own_lo && kx < c->own_hi; /* inside [0,k) */
                    for (int64_t o = 0; o < cout; o++) {
                        pw[(y * c->len + xx) * cout + o] = mine ? wd[(ky * kw + kx) * cout + o] : 0.0f;
                    }
                }
            }
            uint32_t wid, piece_out;
            int64_t wdims[4] = {1, r->len, c->len, cout};
            lt_status s = xb_static_value(st, 4, wdims, pw, &wid, err);
            if (s) return s;
            int last = k == pieces - 1;
            if (last && pieces == 1) {
                piece_out = st->vars[out].id;
            } else {
                enum xnn_status xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, 4, odims, NULL, XNN_INVALID_VALUE_ID, 0,
                                                             &piece_out);
                if (xs != xnn_status_success) return xb_xfail(err, "define value", n, xs);
            }
            uint32_t pad_top = (uint32_t)(p->pad_top - r->start * p->dilation_h); /* >= 0 by plan_axis */
            uint32_t pad_left = (uint32_t)(p->pad_left - c->start * p->dilation_w);
            uint32_t pad_bottom = (uint32_t)(p->pad_bottom - (p->kernel_h - r->start - r->len) * p->dilation_h);
            uint32_t pad_right = (uint32_t)(p->pad_right - (p->kernel_w - c->start - c->len) * p->dilation_w);
            enum xnn_status xs = xnn_define_depthwise_convolution_2d(
                sg, pad_top, pad_right, pad_bottom, pad_left, (uint32_t)r->len, (uint32_t)c->len, p->stride_h,
                p->stride_w, p->dilation_h, p->dilation_w, (uint32_t)(cout / cin), (size_t)cin, -INFINITY, INFINITY,
                in_id, wid, k == 0 ? bid : XNN_INVALID_VALUE_ID, piece_out, 0);
            if (xs != xnn_status_success) return xb_xfail(err, "define depthwise convolution piece", n, xs);
            if (k == 0) {
                acc = piece_out;
                continue;
            }
            uint32_t sum = st->vars[out].id;
            if (!last) {
                xs = xnn_define_tensor_value(sg, xnn_datatype_fp32, 4, odims, NULL, XNN_INVALID_VALUE_ID, 0, &sum);
                if (xs != xnn_status_success) return xb_xfail(err, "define value", n, xs);
            }
            xs = xnn_define_add2(sg, -INFINITY, INFINITY, acc, piece_out, sum, 0);
            if (xs != xnn_status_success) return xb_xfail(err, "define depthwise sum", n, xs);
            acc = sum;
        }
    }
    return LT_OK;
}

/* A depthwise conv without a single-pass XNNPACK kernel runs as one host pass (dwconv.c) between two segments:
 * its input leaves the current segment as an external output, its output enters a new one as an external input. */
lt_status xb_compile_host_depthwise(xnn_state *st, const lt_node *n, int in, const float *wd, const float *bd,
                                        lt_error *err) {
    const lt_conv_params *p = &n->p.conv;
    const lt_tensor *x = &st->model->tensors[n->inputs[0]], *y = &st->model->tensors[n->output];
    lt_dwconv *dw = xb_own_bytes(st, sizeof *dw);
    if (dw == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    *dw = (lt_dwconv){.n = (int)x->dims[0], .h = (int)x->dims[2], .w = (int)x->dims[3], .c = (int)x->dims[1],
                      .oh = (int)y->dims[2], .ow = (int)y->dims[3], .kh = p->kernel_h, .kw = p->kernel_w,
                      .sh = p->stride_h, .sw = p->stride_w, .dh = p->dilation_h, .dw = p->dilation_w,
                      .pad_top = p->pad_top, .pad_left = p->pad_left, .weights = wd, .bias = bd};
    xb_mark_ext(st, in);
    step *q = xb_grow(st->steps, &st->cap_steps, st->n_steps + 1, sizeof *q);
    if (q == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    st->steps = q;
    int step_index = st->n_steps++;
    lt_status s = xb_open_segment(st, err);
    if (s) return s;
    float *buf = xb_own(st, (size_t)lt_tensor_elements(y));
    if (buf == NULL) return lt_fail(err, LT_ERR_RUNTIME, "out of memory compiling the model");
    int out;
    if ((s = xb_new_variant(st, n->output, xb_nhwc, 4, buf, 1, &out, err))) return s;
    st->steps[step_index].kind = STEP_DWCONV;
    st->steps[step_index].src = in;
    st->steps[step_index].dst = out;
    st->steps[step_index].dw = dw;
    return LT_OK;
}
