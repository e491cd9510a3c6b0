/* OpenCL C 1.2 kernels of the gpu backend. Layout NCHW, as in the model IR; `real` is float, or half when the
 * program is built with -DLT_HALF (needs cl_khr_fp16). Bias and activation are fused into the producing kernel;
 * activations are evaluated in float (cheap next to the multiply-adds, and exact enough for hard_sigmoid). */
#ifdef LT_HALF
#pragma OPENCL EXTENSION cl_khr_fp16 : enable
typedef half real;
typedef half4 real4;
#define convert_real4 convert_half4
#else
typedef float real;
typedef float4 real4;
#define convert_real4 convert_float4
#endif

/* Activation codes; backend-opencl.c uses the same numbers. */
#define ACT_NONE 0
#define ACT_RELU 1
#define ACT_CLIP 2
#define ACT_SIGMOID 3
#define ACT_HARD_SIGMOID 4
#define ACT_HARD_SWISH 5
#define ACT_SWISH 6

/* p0, p1: clip min/max, or hard_sigmoid alpha/beta. */
inline real activate(real value, int act, float p0, float p1) {
    float v = (float)value;
    switch (act) {
    case ACT_RELU: v = fmax(v, 0.0f); break;
    case ACT_CLIP: v = fmin(fmax(v, p0), p1); break;
    case ACT_SIGMOID: v = 1.0f / (1.0f + exp(-v)); break;
    case ACT_HARD_SIGMOID: v = fmax(0.0f, fmin(1.0f, p0 * v + p1)); break;
    case ACT_HARD_SWISH: v = v * fmax(0.0f, fmin(1.0f, v / 6.0f + 0.5f)); break;
    case ACT_SWISH: v = v / (1.0f + exp(-v)); break;
    default: break;
    }
    return (real)v;
}

/* Global sizes are rounded up to whole work-groups, so every kernel first drops work items past its extent. */

/* Any convolution (groups, strides, dilation, padding): one output element per work item.
 * Global size: (OW, OH, N*OC). Weights [OC, C/G, KH, KW]. */
__kernel void conv2d(__global const real *x, __global const real *w, __global const real *bias, __global real *y,
                     int C, int H, int W, int OC, int OH, int OW, int KH, int KW, int SH, int SW,
                     int PT, int PL, int DH, int DW, int G, int act, float p0, float p1) {
    int ow = get_global_id(0), oh = get_global_id(1), noc = get_global_id(2);
    if (ow >= OW || oh >= OH) return;
    int n = noc / OC, oc = noc % OC;
    int cg = C / G, ocg = OC / G;
    int c0 = (oc / ocg) * cg;
    real acc = bias[oc];
    int ih0 = oh * SH - PT, iw0 = ow * SW - PL;
    for (int ci = 0; ci < cg; ci++) {
        __global const real *xc = x + ((size_t)n * C + c0 + ci) * H * W;
        __global const real *wc = w + ((size_t)oc * cg + ci) * KH * KW;
        for (int kh = 0; kh < KH; kh++) {
            int ih = ih0 + kh * DH;
            if (ih < 0 || ih >= H) continue;
            for (int kw = 0; kw < KW; kw++) {
                int iw = iw0 + kw * DW;
                if (iw < 0 || iw >= W) continue;
                acc += xc[ih * W + iw] * wc[kh * KW + kw];
            }
        }
    }
    y[((size_t)n * OC + oc) * OH * OW + oh * OW + ow] = activate(acc, act, p0, p1);
}

/* Dense convolution (groups 1) computing 4 output channels per work item, so each input load feeds 4
 * multiply-adds (stem, preds). Weights repacked at open as [OC/4][C][KH][KW][4], bias padded to 4.
 * Global size: (OW, OH, N*ceil(OC/4)). */
__kernel void conv2d_oc4(__global const real *x, __global const real *w4, __global const real *bias,
                         __global real *y, int C, int H, int W, int OC, int OH, int OW, int KH, int KW, int SH,
                         int SW, int PT, int PL, int DH, int DW, int act, float p0, float p1) {
    int ow = get_global_id(0), oh = get_global_id(1), nb = get_global_id(2);
    if (ow >= OW || oh >= OH) return;
    int blocks = (OC + 3) / 4;
    int n = nb / blocks, ob = nb % blocks;
    real4 acc = vload4(ob, bias);
    int ih0 = oh * SH - PT, iw0 = ow * SW - PL;
    __global const real *wb = w4 + (size_t)ob * C * KH * KW * 4;
    for (int ci = 0; ci < C; ci++) {
        __global const real *xc = x + ((size_t)n * C + ci) * H * W;
        for (int kh = 0; kh < KH; kh++) {
            int ih = ih0 + kh * DH;
            if (ih < 0 || ih >= H) continue;
            for (int kw = 0; kw < KW; kw++) {
                int iw = iw0 + kw * DW;
                if (iw < 0 || iw >= W) continue;
                acc += xc[ih * W + iw] * vload4((ci * KH + kh) * KW + kw, wb);
            }
        }
    }
    int oc = ob * 4;
    __global real *yp = y + ((size_t)n * OC + oc) * OH * OW + oh * OW + ow;
    size_t plane = (size_t)OH * OW;
    yp[0] = activate(acc.s0, act, p0, p1);
    if (oc + 1 < OC) yp[plane] = activate(acc.s1, act, p0, p1);
    if (oc + 2 < OC) yp[2 * plane] = activate(acc.s2, act, p0, p1);
    if (oc + 3 < OC) yp[3 * plane] = activate(acc.s3, act, p0, p1);
}

/* Depthwise, 4 horizontally adjacent outputs per work item sharing one loaded input row segment per kernel row
 * (3*S + K inputs instead of 4*K loads). Global size: (ceil(OW/4), OH, N*C). */
#define DEPTHWISE_X4(K, S)                                                                                        \
__kernel void depthwise##K##_s##S##x4(__global const real *x, __global const real *w, __global const real *bias, \
                                      __global real *y, int C, int H, int W, int OH, int OW, int PT, int PL,    \
                                      int act, float p0, float p1) {                                              \
    int ow = get_global_id(0) * 4, oh = get_global_id(1), nc = get_global_id(2);                                  \
    if (ow >= OW || oh >= OH) return;                                                                             \
    int c = nc % C;                                                                                               \
    __global const real *xc = x + (size_t)nc * H * W;                                                             \
    __global const real *wc = w + c * K * K;                                                                      \
    real b = bias[c];                                                                                             \
    real acc0 = b, acc1 = b, acc2 = b, acc3 = b;                                                                  \
    int iw0 = ow * S - PL;                                                                                        \
    for (int kh = 0; kh < K; kh++) {                                                                              \
        int ih = oh * S - PT + kh;                                                                                \
        if (ih < 0 || ih >= H) continue;                                                                          \
        __global const real *xr = xc + ih * W;                                                                    \
        real row[3 * S + K];                                                                                      \
        for (int i = 0; i < 3 * S + K; i++) {                                                                     \
            int iw = iw0 + i;                                                                                     \
            row[i] = (iw >= 0 && iw < W) ? xr[iw] : (real)0;                                                      \
        }                                                                                                         \
        for (int kw = 0; kw < K; kw++) {                                                                          \
            real wv = wc[kh * K + kw];                                                                            \
            acc0 += row[kw] * wv;                                                                                 \
            acc1 += row[kw + S] * wv;                                                                             \
            acc2 += row[kw + 2 * S] * wv;                                                                         \
            acc3 += row[kw + 3 * S] * wv;                                                                         \
        }                                                                                                         \
    }                                                                                                             \
    __global real *yr = y + (size_t)nc * OH * OW + oh * OW;                                                       \
    yr[ow] = activate(acc0, act, p0, p1);                                                                         \
    if (ow + 1 < OW) yr[ow + 1] = activate(acc1, act, p0, p1);                                                    \
    if (ow + 2 < OW) yr[ow + 2] = activate(acc2, act, p0, p1);                                                    \
    if (ow + 3 < OW) yr[ow + 3] = activate(acc3, act, p0, p1);                                                    \
}
DEPTHWISE_X4(3, 1)
DEPTHWISE_X4(5, 1)
DEPTHWISE_X4(7, 1)
DEPTHWISE_X4(3, 2)
DEPTHWISE_X4(5, 2)
DEPTHWISE_X4(7, 2)

/* Pointwise 1x1 stride 1 conv, tiled: each work item computes 8 output channels x 4 consecutive pixels, so every
 * input load feeds 8 multiply-adds and every weight load 4 (8x4 beat 4x4 by about 20% under PoCL). Weights are
 * repacked at open as [OC/4][C][4] with an even number of 4-channel blocks (zero padded), bias likewise.
 * Global size: (ceil(HW/4), ceil(OC/8), N). */
__kernel void pointwise(__global const real *x, __global const real *w4, __global const real *bias,
                        __global real *y, int C, int HW, int OC, int act, float p0, float p1) {
    int pb = get_global_id(0), ob = get_global_id(1), n = get_global_id(2);
    int p = pb * 4, oc = ob * 8;
    if (p >= HW || oc >= OC) return;
    real4 b0 = vload4(2 * ob, bias), b1 = vload4(2 * ob + 1, bias);
    real4 acc[8] = {(real4)(b0.s0), (real4)(b0.s1), (real4)(b0.s2), (real4)(b0.s3),
                    (real4)(b1.s0), (real4)(b1.s1), (real4)(b1.s2), (real4)(b1.s3)};
    __global const real *xn = x + (size_t)n * C * HW;
    __global const real *wa = w4 + (size_t)(2 * ob) * C * 4;
    __global const real *wb = wa + (size_t)C * 4;
    if (p + 4 <= HW) {
        for (int ic = 0; ic < C; ic++) {
            real4 xv = vload4(0, xn + (size_t)ic * HW + p);
            real4 w0 = vload4(ic, wa), w1 = vload4(ic, wb);
            acc[0] += xv * w0.s0; acc[1] += xv * w0.s1; acc[2] += xv * w0.s2; acc[3] += xv * w0.s3;
            acc[4] += xv * w1.s0; acc[5] += xv * w1.s1; acc[6] += xv * w1.s2; acc[7] += xv * w1.s3;
        }
    } else {
        for (int ic = 0; ic < C; ic++) {
            __global const real *xr = xn + (size_t)ic * HW;
            real4 xv = (real4)(xr[p], p + 1 < HW ? xr[p + 1] : (real)0, p + 2 < HW ? xr[p + 2] : (real)0, (real)0);
            real4 w0 = vload4(ic, wa), w1 = vload4(ic, wb);
            acc[0] += xv * w0.s0; acc[1] += xv * w0.s1; acc[2] += xv * w0.s2; acc[3] += xv * w0.s3;
            acc[4] += xv * w1.s0; acc[5] += xv * w1.s1; acc[6] += xv * w1.s2; acc[7] += xv * w1.s3;
        }
    }
    for (int j = 0; j < 8 && oc + j < OC; j++) {
        __global real *yr = y + ((size_t)n * OC + oc + j) * HW;
        real4 a = acc[j];
        real v[4] = {a.s0, a.s1, a.s2, a.s3};
        for (int i = 0; i < 4 && p + i < HW; i++) yr[p + i] = activate(v[i], act, p0, p1);
    }
}

/* Batched matrix product Y[b] = A[b] (MxK) * B[b] (KxN) + bias[N]; a batch stride of 0 broadcasts an operand.
 * Global size: (N, M, batch). */
__kernel void matmul(__global const real *a, __global const real *b, __global const real *bias, __global real *y,
                     int M, int K, int N, int stride_a, int stride_b, int act, float p0, float p1) {
    int j = get_global_id(0), i = get_global_id(1), batch = get_global_id(2);
    if (j >= N || i >= M) return;
    __global const real *ar = a + (size_t)batch * stride_a + (size_t)i * K;
    __global const real *bc = b + (size_t)batch * stride_b + j;
    real acc = bias[j];
    for (int k = 0; k < K; k++) acc += ar[k] * bc[(size_t)k * N];
    y[((size_t)batch * M + i) * N + j] = activate(acc, act, p0, p1);
}

/* Mean over H*W per (n, c), accumulated in float. Global size: (N*C). */
__kernel void global_avg_pool(__global const real *x, __global real *y, int HW, int count) {
    int nc = get_global_id(0);
    if (nc >= count) return;
    __global const real *xc = x + (size_t)nc * HW;
    float sum = 0.0f;
    for (int i = 0; i < HW; i++) sum += (float)xc[i];
    y[nc] = (real)(sum / (float)HW);
}

#define OP_ADD 0
#define OP_MUL 1

/* Elementwise a op b, same shape. Global size: (count). */
__kernel void binary_same(__global const real *a, __global const real *b, __global real *y, int op,
                          int act, float p0, float p1, int count) {
    int i = get_global_id(0);
    if (i >= count) return;
    real v = op == OP_MUL ? a[i] * b[i] : a[i] + b[i];
    y[i] = activate(v, act, p0, p1);
}

/* a op b with numpy broadcasting over 4 axes: strides are 0 on a broadcast axis. Global size: (count). */
__kernel void binary_broadcast(__global const real *a, __global const real *b, __global real *y, int op,
                               int4 dims, int4 stride_a, int4 stride_b, int act, float p0, float p1,
                               int count) {
    int i = get_global_id(0);
    if (i >= count) return;
    int i3 = i % dims.s3, r = i / dims.s3;
    int i2 = r % dims.s2; r /= dims.s2;
    int i1 = r % dims.s1, i0 = r / dims.s1;
    int4 idx = (int4)(i0, i1, i2, i3);
    int4 pa = idx * stride_a, pb = idx * stride_b;
    real va = a[pa.s0 + pa.s1 + pa.s2 + pa.s3];
    real vb = b[pb.s0 + pb.s1 + pb.s2 + pb.s3];
    real v = op == OP_MUL ? va * vb : va + vb;
    y[i] = activate(v, act, p0, p1);
}

/* x [N,C,H,W] op s [N,C,1,1] (SE and channel-attention scaling): no index arithmetic per element.
 * Global size: (HW, N*C). */
__kernel void channel_binary(__global const real *x, __global const real *s, __global real *y, int op, int HW,
                             int NC, int act, float p0, float p1) {
    int i = get_global_id(0), nc = get_global_id(1);
    if (i >= HW || nc >= NC) return;
    size_t at = (size_t)nc * HW + i;
    real v = op == OP_MUL ? x[at] * s[nc] : x[at] + s[nc];
    y[at] = activate(v, act, p0, p1);
}

/* Standalone activation (one that could not be fused). Global size: (count). */
__kernel void activation(__global const real *x, __global real *y, int act, float p0, float p1, int count) {
    int i = get_global_id(0);
    if (i >= count) return;
    y[i] = activate(x[i], act, p0, p1);
}

/* Transpose of up to 6 axes. meta: rank, output dims[6], input strides of the output axes[6].
 * Global size: (count). */
__kernel void transpose(__global const real *x, __global real *y, __global const int *meta, int count) {
    int i = get_global_id(0);
    if (i >= count) return;
    int rank = meta[0];
    int r = i, offset = 0;
    for (int axis = rank - 1; axis >= 0; axis--) {
        int d = meta[1 + axis];
        offset += (r % d) * meta[7 + axis];
        r /= d;
    }
    y[i] = x[offset];
}
