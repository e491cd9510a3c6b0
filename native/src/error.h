/* Error reporting without global state: every fallible call fills a caller-owned lt_error. */
#ifndef LTRUNNER_ERROR_H
#define LTRUNNER_ERROR_H

#include "ltrunner.h"

typedef struct lt_error {
    lt_status code;         /* LT_OK when nothing failed */
    char message[1024];
} lt_error;

/* Sets code and a printf-style message; returns code so callers can `return lt_fail(err, ...)`. */
lt_status lt_fail(lt_error *err, lt_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
