#include "backends.h"

#include <string.h>

/* Backends compiled into this runner; add an entry (and its source in CMakeLists.txt) for each new one. */
static const lt_backend *const BUILT_IN[] = {
    &lt_backend_xnnpack,
#ifdef LTRUNNER_WITH_OPENCL
    &lt_backend_opencl,
#endif
};

/* Every backend name the runner knows, built in or not. */
static const char *const KNOWN[] = {"cpu", "gpu"};

const lt_backend *lt_find_backend(const char *name, lt_error *err) {
    if (name == NULL || name[0] == '\0') {
        lt_fail(err, LT_ERR_USAGE, "no backend given: use cpu or gpu");
        return NULL;
    }
    for (size_t i = 0; i < sizeof BUILT_IN / sizeof BUILT_IN[0]; i++) {
        if (strcmp(BUILT_IN[i]->name, name) == 0) return BUILT_IN[i];
    }
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++) {
        if (strcmp(KNOWN[i], name) == 0) {
            lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE, "%s backend is not built into this runner", name);
            return NULL;
        }
    }
    if (strcmp(name, "dsp") == 0) {
        /* profiles name it (Hexagon through NNAPI), the runner does not have it yet: say so, never fall back */
        lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE,
                "dsp backend is not in this runner yet (planned: Android NNAPI on the Hexagon DSP); use cpu or gpu");
        return NULL;
    }
    lt_fail(err, LT_ERR_USAGE, "unknown backend '%s': use cpu or gpu", name);
    return NULL;
}
