#include "dwconv.h"

#include <string.h>

/* Channels per wide accumulator block: four independent 16-float chains (AVX-512 registers), so consecutive taps
 * do not wait on one add's latency; 16 for the remainder. */
#define DW_WIDE 64
#define DW_NARROW 16

/* First tap index k in [0, taps) with 0 <= base + k*dil, and one past the last with base + k*dil < size. */
static void tap_range(int base, int dil, int size, int taps, int *lo, int *hi) {
    int a = base >= 0 ? 0 : (-base + dil - 1) / dil;
    int b = base > size - 1 ? 0 : (size - 1 - base) / dil + 1;
    *lo = a;
    *hi = b < taps ? b : taps;
}

/* 16 channels as one value: one AVX-512 register, two AVX2 or four SSE/NEON registers. GCC and clang both take
 * vector_size; a plain float array here ends up spilled to the stack between taps. */
typedef float v16 __attribute__((vector_size(DW_NARROW * sizeof(float))));

/* A macro, not a function: a function returning v16 would have an ISA-dependent ABI. */
#define LOAD16(v, p) memcpy(&(v), (p), sizeof(v16))

/* One pixel, channels [c0, c0 + 16 * B): bias plus every in-bounds tap; B chains so taps need not wait on one
 * add's latency. */
static inline __attribute__((always_inline)) void dw_pixel(const lt_dwconv *d, const float *img, float *o, int iy0, int ix0,
                                                           int ky_lo, int ky_hi, int kx_lo, int kx_hi, int c0, int B) {
    const size_t c = (size_t)d->c;
    v16 acc[DW_WIDE / DW_NARROW];
    for (int b = 0; b < B; b++) LOAD16(acc[b], d->bias + c0 + b * DW_NARROW);
    for (int ky = ky_lo; ky < ky_hi; ky++) {
        const float *irow = img + (size_t)(iy0 + ky * d->dh) * (size_t)d->w * c + c0;
        const float *wrow = d->weights + (size_t)ky * (size_t)d->kw * c + c0;
        for (int kx = kx_lo; kx < kx_hi; kx++) {
            const float *ip = irow + (size_t)(ix0 + kx * d->dw) * c;
            const float *wp = wrow + (size_t)kx * c;
            for (int b = 0; b < B; b++) {
                v16 x, w;
                LOAD16(x, ip + b * DW_NARROW);
                LOAD16(w, wp + b * DW_NARROW);
                acc[b] += x * w;
            }
        }
    }
    for (int b = 0; b < B; b++) memcpy(o + c0 + b * DW_NARROW, &acc[b], sizeof acc[b]);
}

/* One pixel, one channel (the remainder when c is not a multiple of 16). */
static float dw_channel(const lt_dwconv *d, const float *img, int iy0, int ix0, int ky_lo, int ky_hi, int kx_lo, int kx_hi,
                        int ch) {
    float acc = d->bias[ch];
    for (int ky = ky_lo; ky < ky_hi; ky++)
        for (int kx = kx_lo; kx < kx_hi; kx++)
            acc += img[((size_t)(iy0 + ky * d->dh) * (size_t)d->w + (size_t)(ix0 + kx * d->dw)) * (size_t)d->c + (size_t)ch] *
                   d->weights[((size_t)ky * (size_t)d->kw + (size_t)kx) * (size_t)d->c + (size_t)ch];
    return acc;
}

/* DW_PIXELS adjacent pixels, all with every column tap in bounds, channels [c0, c0 + 16): each weight vector is
 * loaded once for all of them. */
#define DW_PIXELS 4
static inline __attribute__((always_inline)) void dw_pixels(const lt_dwconv *d, const float *img, float *o, int iy0, int ix0,
                                                            int ky_lo, int ky_hi, int c0) {
    const size_t c = (size_t)d->c, step = (size_t)d->sw * c;
    v16 acc[DW_PIXELS];
    for (int p = 0; p < DW_PIXELS; p++) LOAD16(acc[p], d->bias + c0);
    for (int ky = ky_lo; ky < ky_hi; ky++) {
        const float *irow = img + (size_t)(iy0 + ky * d->dh) * (size_t)d->w * c + c0;
        const float *wrow = d->weights + (size_t)ky * (size_t)d->kw * c + c0;
        for (int kx = 0; kx < d->kw; kx++) {
            const float *ip = irow + (size_t)(ix0 + kx * d->dw) * c;
            v16 w;
            LOAD16(w, wrow + (size_t)kx * c);
            for (int p = 0; p < DW_PIXELS; p++) {
                v16 x;
                LOAD16(x, ip + (size_t)p * step);
                acc[p] += x * w;
            }
        }
    }
    for (int p = 0; p < DW_PIXELS; p++) memcpy(o + (size_t)p * c + c0, &acc[p], sizeof acc[p]);
}

/* The compiler vectorizes the channel loops; on x86-64 GCC also builds AVX-512 and AVX2 versions picked at load
 * time, since the baseline (SSE2) would be 4x narrower than XNNPACK's own kernels. On aarch64, NEON is the baseline
 * (every arm64-v8a core has it): v16 is four 128-bit registers, and fused multiply-adds (fmla) are allowed. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
__attribute__((target_clones("avx512f", "avx2", "default"), optimize("fp-contract=fast")))
#elif defined(__GNUC__) && !defined(__clang__) && defined(__aarch64__)
__attribute__((optimize("fp-contract=fast")))
#endif
void lt_dwconv_row(void *conv, size_t row) {
    const lt_dwconv *d = conv;
    const int c = d->c, oy = (int)(row % (size_t)d->oh);
    const float *img = d->in + (row / (size_t)d->oh) * (size_t)d->h * (size_t)d->w * (size_t)c;
    float *orow = d->out + row * (size_t)d->ow * (size_t)c;
    int ky_lo, ky_hi;
    const int iy0 = oy * d->sh - d->pad_top;
    tap_range(iy0, d->dh, d->h, d->kh, &ky_lo, &ky_hi);
    /* pixels whose column taps all lie inside the input */
    int full_lo = 0, full_hi = d->ow;
    while (full_lo < d->ow && full_lo * d->sw - d->pad_left < 0) full_lo++;
    while (full_hi > full_lo && (full_hi - 1) * d->sw - d->pad_left + (d->kw - 1) * d->dw > d->w - 1) full_hi--;
    for (int ox = 0; ox < d->ow; ox++) {
        if (ox >= full_lo && ox + DW_PIXELS <= full_hi && d->c % DW_NARROW == 0) {
            float *o = orow + (size_t)ox * (size_t)c;
            for (int c0 = 0; c0 < c; c0 += DW_NARROW) dw_pixels(d, img, o, iy0, ox * d->sw - d->pad_left, ky_lo, ky_hi, c0);
            ox += DW_PIXELS - 1;
            continue;
        }
        const int ix0 = ox * d->sw - d->pad_left;
        int kx_lo, kx_hi;
        tap_range(ix0, d->dw, d->w, d->kw, &kx_lo, &kx_hi);
        float *o = orow + (size_t)ox * (size_t)c;
        int c0 = 0;
        for (; c0 + DW_WIDE <= c; c0 += DW_WIDE) dw_pixel(d, img, o, iy0, ix0, ky_lo, ky_hi, kx_lo, kx_hi, c0, DW_WIDE / DW_NARROW);
        for (; c0 + DW_NARROW <= c; c0 += DW_NARROW) dw_pixel(d, img, o, iy0, ix0, ky_lo, ky_hi, kx_lo, kx_hi, c0, 1);
        for (; c0 < c; c0++) o[c0] = dw_channel(d, img, iy0, ix0, ky_lo, ky_hi, kx_lo, kx_hi, c0);
    }
}
