/* The ltrunner command line (native/README.md). */
#ifndef LTRUNNER_CLI_H
#define LTRUNNER_CLI_H

#include "error.h"

#define LT_MAX_ROUNDS 100000

typedef struct lt_cli {
    const char *model;
    const char *manifest;
    const char *backend;
    int warmup;
    int iterations;
    double min_seconds;
    double delay_ms;
    int threads;
    const char *cpus;
    int precision;      /* lt_precision */
    int batch_size;     /* samples per `samples` line */
    int rounds;         /* >1: models interleaved in rounds of --iterations samples each (rounds.c) */
    const char *order;  /* --order FILE: the visiting order of each round (rounds.c), NULL: manifest order */
    const char *inputs;  /* --inputs FILE with --outputs FILE: one inference on these inputs, outputs written */
    const char *outputs; /* (outputs.c) in place of timing */
    int version;
} lt_cli;

/* Parses argv strictly; LT_ERR_USAGE naming the bad argument and what would be right. */
lt_status lt_cli_parse(int argc, char **argv, lt_cli *cli, lt_error *err);

#endif
