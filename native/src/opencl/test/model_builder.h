/* Builds lt_model graphs by hand for the gpu backend's op tests (the ONNX loader is not needed for them). */
#ifndef LTRUNNER_TEST_MODEL_BUILDER_H
#define LTRUNNER_TEST_MODEL_BUILDER_H

#include <stdint.h>

#include "model.h"

typedef struct mb_rng {
    uint64_t state;
} mb_rng;

/* Uniform in [-1, 1). */
float mb_uniform(mb_rng *rng);

lt_model *mb_new(void);

/* Each returns the tensor index. dims has `rank` entries. */
int mb_input(lt_model *m, const char *name, int rank, const int64_t *dims);
int mb_tensor(lt_model *m, const char *name, int rank, const int64_t *dims);
int mb_const(lt_model *m, const char *name, int rank, const int64_t *dims, mb_rng *rng, float scale);
void mb_output(lt_model *m, int tensor);

/* Appends a node; in2 may be -1. Returns the node index. */
int mb_node(lt_model *m, const char *name, const char *onnx_op, lt_op_kind kind, int in0, int in1, int in2, int out);

/* A Conv node with its weights (random) and bias; returns the output tensor (dims computed). */
int mb_conv(lt_model *m, const char *name, int x, int out_channels, int kernel, int stride, int pad, int dilation,
            int group, mb_rng *rng);

#endif
