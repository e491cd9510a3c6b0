/* lt_fail and lt_tensor_elements for the stand-alone op test build; the runner's own error.c and model.c provide
 * them once the gpu backend is built with the runner. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"
#include "model.h"

lt_status lt_fail(lt_error *err, lt_status code, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, args);
    va_end(args);
    err->code = code;
    return code;
}

int64_t lt_tensor_elements(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i < t->rank; i++) n *= t->dims[i];
    return n;
}
