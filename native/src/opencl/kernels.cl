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

/* Any convolution (groups, strides, dilation, padding): one output element per work item.
 * Global size: (OW, OH, N*OC). Weights [OC, C/G, KH, KW]. */
__kernel void conv2d(__global const real *x, __global const real *w, __global const real *bias, __global real *y,
                     int C, int H, int W, int OC, int OH, int OW, int KH, int KW, int SH, int SW,
                     int PT, int PL, int DH, int DW, int G, int act, float p0, float p1) {
    int ow = get_global_id(0), oh = get_global_id(1), noc = get_global_id(2);
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

/* Depthwise (multiplier 1, no dilation) with the kernel size known at compile time so the loops unroll.
 * Global size: (OW, OH, N*C). Weights [C, 1, K, K]. */
#define DEPTHWISE(K)                                                                                              \
__kernel void depthwise##K(__global const real *x, __global const real *w, __global const real *bias,          \
                           __global real *y, int C, int H, int W, int OH, int OW, int SH, int SW, int PT, int PL,  \
                           int act, float p0, float p1) {                                                          \
    int ow = get_global_id(0), oh = get_global_id(1), nc = get_global_id(2);                                      \
    int c = nc % C;                                                                                               \
    __global const real *xc = x + (size_t)nc * H * W;                                                             \
    __global const real *wc = w + c * K * K;                                                                      \
    int ih0 = oh * SH - PT, iw0 = ow * SW - PL;                                                                   \
    real acc = bias[c];                                                                                           \
    for (int kh = 0; kh < K; kh++) {                                                                              \
        int ih = ih0 + kh;                                                                                        \
        if (ih < 0 || ih >= H) continue;                                                                          \
        for (int kw = 0; kw < K; kw++) {                                                                          \
            int iw = iw0 + kw;                                                                                    \
            if (iw >= 0 && iw < W) acc += xc[ih * W + iw] * wc[kh * K + kw];                                      \
        }                                                                                                         \
    }                                                                                                             \
    y[(size_t)nc * OH * OW + oh * OW + ow] = activate(acc, act, p0, p1);                                          \
}
DEPTHWISE(3)
DEPTHWISE(5)
DEPTHWISE(7)

/* Pointwise 1x1 stride 1 conv, tiled: each work item computes 4 output channels x 4 consecutive pixels, so every
 * input load feeds 4 multiply-adds and every weight load 4. Weights are repacked at open as [OC/4][C][4] (zero
 * padded), bias padded to a multiple of 4. Global size: (ceil(HW/4), ceil(OC/4), N). */
__kernel void pointwise(__global const real *x, __global const real *w4, __global const real *bias,
                        __global real *y, int C, int HW, int OC, int act, float p0, float p1) {
    int pb = get_global_id(0), ob = get_global_id(1), n = get_global_id(2);
    int p = pb * 4, oc = ob * 4;
    real4 b = vload4(ob, bias);
    real4 acc0 = (real4)(b.s0), acc1 = (real4)(b.s1), acc2 = (real4)(b.s2), acc3 = (real4)(b.s3);
    __global const real *xn = x + (size_t)n * C * HW;
    __global const real *wb = w4 + (size_t)ob * C * 4;
    if (p + 4 <= HW) {
        for (int ic = 0; ic < C; ic++) {
            real4 xv = vload4(0, xn + (size_t)ic * HW + p);
            real4 wv = vload4(ic, wb);
            acc0 += xv * wv.s0;
            acc1 += xv * wv.s1;
            acc2 += xv * wv.s2;
            acc3 += xv * wv.s3;
        }
    } else {
        for (int ic = 0; ic < C; ic++) {
            __global const real *xr = xn + (size_t)ic * HW;
            real4 xv = (real4)(xr[p], p + 1 < HW ? xr[p + 1] : (real)0, p + 2 < HW ? xr[p + 2] : (real)0, (real)0);
            real4 wv = vload4(ic, wb);
            acc0 += xv * wv.s0;
            acc1 += xv * wv.s1;
            acc2 += xv * wv.s2;
            acc3 += xv * wv.s3;
        }
    }
    real4 accs[4] = {acc0, acc1, acc2, acc3};
    for (int j = 0; j < 4 && oc + j < OC; j++) {
        __global real *yr = y + ((size_t)n * OC + oc + j) * HW;
        real4 a = accs[j];
        real v[4] = {a.s0, a.s1, a.s2, a.s3};
        for (int i = 0; i < 4 && p + i < HW; i++) yr[p + i] = activate(v[i], act, p0, p1);
    }
}

/* Batched matrix product Y[b] = A[b] (MxK) * B[b] (KxN) + bias[N]; a batch stride of 0 broadcasts an operand.
 * Global size: (N, M, batch). */
__kernel void matmul(__global const real *a, __global const real *b, __global const real *bias, __global real *y,
                     int M, int K, int N, int stride_a, int stride_b, int act, float p0, float p1) {
    int j = get_global_id(0), i = get_global_id(1), batch = get_global_id(2);
    __global const real *ar = a + (size_t)batch * stride_a + (size_t)i * K;
    __global const real *bc = b + (size_t)batch * stride_b + j;
    real acc = bias[j];
    for (int k = 0; k < K; k++) acc += ar[k] * bc[(size_t)k * N];
    y[((size_t)batch * M + i) * N + j] = activate(acc, act, p0, p1);
}

/* Mean over H*W per (n, c), accumulated in float. Global size: (N*C). */
__kernel void global_avg_pool(__global const real *x, __global real *y, int HW) {
    int nc = get_global_id(0);
    __global const real *xc = x + (size_t)nc * HW;
    float sum = 0.0f;
    for (int i = 0; i < HW; i++) sum += (float)xc[i];
    y[nc] = (real)(sum / (float)HW);
}

#define OP_ADD 0
#define OP_MUL 1

/* Elementwise a op b, same shape. Global size: (count). */
__kernel void binary_same(__global const real *a, __global const real *b, __global real *y, int op,
                          int act, float p0, float p1) {
    int i = get_global_id(0);
    real v = op == OP_MUL ? a[i] * b[i] : a[i] + b[i];
    y[i] = activate(v, act, p0, p1);
}

/* a op b with numpy broadcasting over 4 axes: strides are 0 on a broadcast axis. Global size: (count). */
__kernel void binary_broadcast(__global const real *a, __global const real *b, __global real *y, int op,
                               int4 dims, int4 stride_a, int4 stride_b, int act, float p0, float p1) {
    int i = get_global_id(0);
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

/* Standalone activation (one that could not be fused). Global size: (count). */
__kernel void activation(__global const real *x, __global real *y, int act, float p0, float p1) {
    int i = get_global_id(0);
    y[i] = activate(x[i], act, p0, p1);
}

/* Transpose of up to 6 axes. meta: rank, output dims[6], input strides of the output axes[6].
 * Global size: (count). */
__kernel void transpose(__global const real *x, __global real *y, __global const int *meta) {
    int i = get_global_id(0);
    int rank = meta[0];
    int r = i, offset = 0;
    for (int axis = rank - 1; axis >= 0; axis--) {
        int d = meta[1 + axis];
        offset += (r % d) * meta[7 + axis];
        r /= d;
    }
    y[i] = x[offset];
}
