/* The agent's JSON-lines records, shared by the sequential (main.c) and interleaved (rounds.c) runs. */
#ifndef LTRUNNER_RECORDS_H
#define LTRUNNER_RECORDS_H

#include <stdint.h>

#include "cli.h"
#include "json.h"
#include "ltrunner.h"

#define LT_PROTOCOL_VERSION 1

/* An error record; returns status. model may be NULL (an error of the command line). */
int lt_rec_error(lt_json *j, const char *model, int status, const char *message);
/* tagged: the model path leads the record (a manifest run), else it follows the versions. */
void lt_rec_header(lt_json *j, const lt_cli *c, lt_runner *r, const char *path, int tagged);
/* samples lines of at most --batch-size values; offset: the first sample's index for this model; round < 0: none */
void lt_rec_samples(lt_json *j, const lt_cli *c, const char *path, const int64_t *samples, int count, int offset,
                    int round);
/* a round line, printed (and flushed) as round `round` begins: a host can read the target's conditions then */
void lt_rec_round(lt_json *j, int round);
/* op lines of the last lt_run, or with mean_ns[i] in place of op i's time (a run in rounds: all its visits) */
void lt_rec_ops(lt_json *j, const lt_cli *c, lt_runner *r, const char *path, const int64_t *mean_ns);
/* Sorts samples (count >= 1) for the order statistics. */
void lt_rec_summary(lt_json *j, lt_runner *r, const char *path, int64_t *samples, int count, int64_t wall_ns,
                    int64_t first_inference_ns);

#endif
