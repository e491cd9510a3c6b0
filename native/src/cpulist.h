/* Linux cpu lists ("4-7", "0,2,5-6") and thread affinity. */
#ifndef LTRUNNER_CPULIST_H
#define LTRUNNER_CPULIST_H

#include <sched.h>

#include "error.h"

/* Parses a cpu list strictly: comma-separated cpu numbers or ascending ranges, nothing else (LT_ERR_USAGE). */
lt_status lt_parse_cpus(const char *list, cpu_set_t *set, lt_error *err);

/* Pins the calling thread to set, saving its previous mask in saved (LT_ERR_RUNTIME when the kernel refuses). */
lt_status lt_pin_thread(const cpu_set_t *set, cpu_set_t *saved, const char *list, lt_error *err);

/* Restores a mask saved by lt_pin_thread. */
void lt_unpin_thread(const cpu_set_t *saved);

#endif
