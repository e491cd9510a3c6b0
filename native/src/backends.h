/* The backends built into this runner, by name ("cpu", "gpu"). */
#ifndef LTRUNNER_BACKENDS_H
#define LTRUNNER_BACKENDS_H

#include "backend.h"

/* The backend called `name`, or NULL with err filled: LT_ERR_USAGE for an unknown name,
 * LT_ERR_BACKEND_UNAVAILABLE for a known one this build lacks. */
const lt_backend *lt_find_backend(const char *name, lt_error *err);

#endif
