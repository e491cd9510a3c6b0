/* ltrunner --model M --inputs IN --outputs OUT: one inference on given inputs, its outputs written, so a device's
 * results can be checked against a reference (ONNX Runtime, or the same model on another build). */
#ifndef LTRUNNER_OUTPUTS_H
#define LTRUNNER_OUTPUTS_H

#include "cli.h"
#include "json.h"

/* IN holds every input's float32 values, little-endian, in input order and row-major; OUT gets every output's the
 * same way. Prints the header and an `outputs` record; a wrong input size is a usage error naming the size due. */
int lt_write_outputs(const lt_cli *c, lt_json *j);

#endif
