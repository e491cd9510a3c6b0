/* Physical layouts of tensors: a permutation `perm` of the logical (ONNX) axes, physical axis j holding logical
 * axis perm[j]. NCHW is the identity of rank 4, NHWC is {0,2,3,1}. */
#ifndef LTRUNNER_LAYOUT_H
#define LTRUNNER_LAYOUT_H

#include <stdint.h>

/* Copies a tensor of logical dims `dims` from src (laid out by src_perm) to dst (laid out by dst_perm). */
void lt_layout_transpose(const float *src, const int64_t *dims, const int *src_perm, float *dst, const int *dst_perm,
                         int rank);

/* 1 when layouts a and b put the same bytes in the same order (they differ only in where size-1 axes go). */
int lt_layout_same_memory(const int64_t *dims, const int *a, const int *b, int rank);

/* Can a reshape keep the input's layout without moving bytes? 1 and out_perm filled when every group of merged or
 * split axes stays contiguous and in order in memory; 0 otherwise. */
int lt_layout_reshape(const int64_t *in_dims, int in_rank, const int *in_perm, const int64_t *out_dims, int out_rank,
                      int *out_perm);

#endif
