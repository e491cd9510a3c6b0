/* IEEE 754 binary16 conversion on the host, for --precision fp16: inputs and constants are converted once
 * (at open / set_input), outputs after the read. Round to nearest even; overflow gives infinity. */
#ifndef LTRUNNER_FP16_H
#define LTRUNNER_FP16_H

#include <stdint.h>

uint16_t lt_fp16_from_float(float value);
float lt_fp16_to_float(uint16_t bits);

#endif
