#include "layout.h"

#include "model.h"

void lt_layout_transpose(const float *src, const int64_t *dims, const int *src_perm, float *dst, const int *dst_perm,
                         int rank) {
    int64_t n = 1;
    for (int i = 0; i < rank; i++) n *= dims[i];
    if (rank == 0) {
        dst[0] = src[0];
        return;
    }
    /* stride in src of each logical axis */
    int64_t stride[LT_MAX_RANK], s = 1;
    for (int i = rank - 1; i >= 0; i--) {
        stride[src_perm[i]] = s;
        s *= dims[src_perm[i]];
    }
    int64_t pd[LT_MAX_RANK] = {0}, ps[LT_MAX_RANK] = {0};
    for (int j = 0; j < rank; j++) {
        pd[j] = dims[dst_perm[j]];
        ps[j] = stride[dst_perm[j]];
    }
    int64_t idx[LT_MAX_RANK] = {0};
    int64_t inner = pd[rank - 1], inner_stride = ps[rank - 1];
    for (int64_t k = 0; k < n; k += inner) {
        int64_t off = 0;
        for (int j = 0; j < rank - 1; j++) off += idx[j] * ps[j];
        for (int64_t x = 0; x < inner; x++) dst[k + x] = src[off + x * inner_stride];
        for (int j = rank - 2; j >= 0; j--) {
            if (++idx[j] < pd[j]) break;
            idx[j] = 0;
        }
    }
}

static int non_unit_order(const int64_t *dims, const int *perm, int rank, int *seq) {
    int n = 0;
    for (int j = 0; j < rank; j++) {
        if (dims[perm[j]] != 1) seq[n++] = perm[j];
    }
    return n;
}

int lt_layout_same_memory(const int64_t *dims, const int *a, const int *b, int rank) {
    int sa[LT_MAX_RANK], sb[LT_MAX_RANK];
    int na = non_unit_order(dims, a, rank, sa), nb = non_unit_order(dims, b, rank, sb);
    if (na != nb) return 0;
    for (int i = 0; i < na; i++) {
        if (sa[i] != sb[i]) return 0;
    }
    return 1;
}

int lt_layout_reshape(const int64_t *in_dims, int in_rank, const int *in_perm, const int64_t *out_dims, int out_rank,
                      int *out_perm) {
    int in_nz[LT_MAX_RANK], out_nz[LT_MAX_RANK], ni = 0, no = 0;
    for (int i = 0; i < in_rank; i++) if (in_dims[i] != 1) in_nz[ni++] = i;
    for (int i = 0; i < out_rank; i++) if (out_dims[i] != 1) out_nz[no++] = i;
    /* Group consecutive non-unit axes whose products match: group g covers in_nz[gi[g]..gi[g+1]) and
     * out_nz[go[g]..go[g+1]). */
    int group_of[LT_MAX_RANK], pos_in_group[LT_MAX_RANK];
    int gi[LT_MAX_RANK + 1], go[LT_MAX_RANK + 1], ng = 0;
    int i = 0, j = 0;
    while (i < ni || j < no) {
        if (i >= ni || j >= no) return 0;
        gi[ng] = i;
        go[ng] = j;
        int64_t pi = in_dims[in_nz[i++]], po = out_dims[out_nz[j++]];
        while (pi != po) {
            if (pi < po) {
                if (i >= ni) return 0;
                pi *= in_dims[in_nz[i++]];
            } else {
                if (j >= no) return 0;
                po *= out_dims[out_nz[j++]];
            }
        }
        for (int k = gi[ng]; k < i; k++) {
            group_of[in_nz[k]] = ng;
            pos_in_group[in_nz[k]] = k - gi[ng];
        }
        ng++;
    }
    gi[ng] = ni;
    go[ng] = no;
    /* In memory, each group's input axes must sit together and in logical order. */
    int seq[LT_MAX_RANK];
    int ns = non_unit_order(in_dims, in_perm, in_rank, seq);
    int order[LT_MAX_RANK], n_order = 0;
    for (int p = 0; p < ns;) {
        int g = group_of[seq[p]];
        int len = gi[g + 1] - gi[g];
        for (int k = 0; k < len; k++) {
            if (p + k >= ns || group_of[seq[p + k]] != g || pos_in_group[seq[p + k]] != k) return 0;
        }
        order[n_order++] = g;
        p += len;
    }
    int o = 0;
    for (int a = 0; a < out_rank; a++) if (out_dims[a] == 1) out_perm[o++] = a;
    for (int k = 0; k < n_order; k++) {
        for (int q = go[order[k]]; q < go[order[k] + 1]; q++) out_perm[o++] = out_nz[q];
    }
    return o == out_rank;
}
