/* Interleaved measurement: several models in one process, in rounds (native/README.md, --rounds). */
#ifndef LTRUNNER_ROUNDS_H
#define LTRUNNER_ROUNDS_H

#include "cli.h"
#include "json.h"

/* Opens every model (a header each), then runs c->rounds rounds, each begun by a round line; a round visits
 * the models in the order of its line of c->order (as listed without one), each visit c->iterations samples (and c->min_seconds / c->rounds); c->warmup untimed
 * inferences at a model's first visit, one at each later visit (none when c->warmup is 0). samples lines carry their round; op and summary lines follow for every model at the end.
 * tagged: the model path leads each header (a manifest). Returns a status; an error record names the model. */
int lt_run_rounds(const lt_cli *c, const char *const *paths, int n, int tagged, lt_json *j);

#endif
