/* Plain C evaluation of an lt_model, the reference the gpu kernels are checked against: straightforward loops,
 * float accumulation, numpy broadcasting of any rank. */
#ifndef LTRUNNER_TEST_REFERENCE_H
#define LTRUNNER_TEST_REFERENCE_H

#include "model.h"

/* Returns one malloc'd array per tensor (constants copied), inputs taken from `inputs` in model input order.
 * Free with ref_free. */
float **ref_run(const lt_model *model, float *const *inputs);
void ref_free(const lt_model *model, float **values);

#endif
