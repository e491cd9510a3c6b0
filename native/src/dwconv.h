/* Depthwise convolution (channel multiplier 1) on NHWC fp32 buffers, for kernel sizes XNNPACK of this snapshot has
 * no single-pass microkernel for (7x7 in LightTrack): one pass with every tap, instead of a sum of 5x5 pieces. */
#ifndef LTRUNNER_DWCONV_H
#define LTRUNNER_DWCONV_H

#include <stddef.h>

typedef struct lt_dwconv {
    int n, h, w, c;            /* input NHWC dims */
    int oh, ow;                /* output spatial dims */
    int kh, kw, sh, sw, dh, dw, pad_top, pad_left;
    const float *weights;      /* [kh][kw][c] */
    const float *bias;         /* [c] */
    const float *in;           /* NHWC input, set before each run */
    float *out;                /* NHWC output, set before each run */
} lt_dwconv;

/* Computes output row `row` (of n * oh rows); rows are independent, so a thread pool may split them. */
void lt_dwconv_row(void *conv, size_t row);

#endif
