/* SHA-256 (FIPS 180-4) of a byte buffer; the model hash the host uses to skip re-pushing a model. */
#ifndef LTRUNNER_SHA256_H
#define LTRUNNER_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* Writes 64 lower-case hex digits and a NUL into hex. */
void lt_sha256_hex(const uint8_t *data, size_t len, char hex[65]);

#endif
