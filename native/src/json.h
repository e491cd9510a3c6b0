/* One JSON object per line, built in memory and written whole so a reader never sees half a line. */
#ifndef LTRUNNER_JSON_H
#define LTRUNNER_JSON_H

#include <stdint.h>
#include <stdio.h>

typedef struct lt_json {
    char *buf;
    size_t len, cap;
    int need_comma;
    int failed;        /* out of memory: the line is dropped */
} lt_json;

void lt_json_begin(lt_json *j, const char *type);   /* {"type":"..." */
void lt_json_key(lt_json *j, const char *key);      /* ,"key": */
void lt_json_str(lt_json *j, const char *s);        /* a string value, escaped; invalid UTF-8 becomes U+FFFD */
void lt_json_int(lt_json *j, int64_t v);
void lt_json_null(lt_json *j);
void lt_json_bool(lt_json *j, int v);
void lt_json_raw(lt_json *j, const char *s);        /* punctuation: [ ] { } , */
void lt_json_kv_str(lt_json *j, const char *key, const char *s);  /* s may be NULL: null */
void lt_json_kv_int(lt_json *j, const char *key, int64_t v);
/* Closes the object, writes it with a newline, flushes; returns 0 or -1 when nothing could be written. */
int lt_json_end(lt_json *j, FILE *out);
void lt_json_free(lt_json *j);

#endif
