#include "cpulist.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

static int parse_num(const char **p, long *out) {
    const char *s = *p;
    if (*s < '0' || *s > '9') return 0;
    long v = 0;
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s - '0');
        if (v >= CPU_SETSIZE) return 0;
        s++;
    }
    *p = s;
    *out = v;
    return 1;
}

lt_status lt_parse_cpus(const char *list, cpu_set_t *set, lt_error *err) {
    CPU_ZERO(set);
    if (list == NULL || list[0] == '\0') {
        return lt_fail(err, LT_ERR_USAGE, "empty cpu list: give cpus like 4-7 or 0,2");
    }
    const char *p = list;
    for (;;) {
        long a, b;
        if (!parse_num(&p, &a)) break;
        b = a;
        if (*p == '-') {
            p++;
            if (!parse_num(&p, &b) || b < a) break;
        }
        for (long c = a; c <= b; c++) CPU_SET((int)c, set);
        if (*p == '\0') return LT_OK;
        if (*p != ',') break;
        p++;
    }
    return lt_fail(err, LT_ERR_USAGE,
                   "bad cpu list '%s': give cpu numbers below %d or ascending ranges, comma-separated, like 4-7 or 0,2",
                   list, CPU_SETSIZE);
}

lt_status lt_pin_thread(const cpu_set_t *set, cpu_set_t *saved, const char *list, lt_error *err) {
    int rc = pthread_getaffinity_np(pthread_self(), sizeof *saved, saved);
    if (rc != 0) return lt_fail(err, LT_ERR_RUNTIME, "cannot read the thread's cpu affinity: %s", strerror(rc));
    rc = pthread_setaffinity_np(pthread_self(), sizeof *set, set);
    if (rc != 0) {
        return lt_fail(err, LT_ERR_RUNTIME, "cpu affinity %s refused: %s (are those cpus online and allowed?)", list,
                       strerror(rc));
    }
    return LT_OK;
}

void lt_unpin_thread(const cpu_set_t *saved) { pthread_setaffinity_np(pthread_self(), sizeof *saved, saved); }
