#include "error.h"

#include <stdarg.h>
#include <stdio.h>

lt_status lt_fail(lt_error *err, lt_status code, const char *fmt, ...) {
    if (err == NULL) {
        return code;
    }
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}
