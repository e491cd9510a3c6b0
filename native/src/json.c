#include "json.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void put(lt_json *j, const char *s, size_t n) {
    if (j->failed) return;
    if (j->len + n + 1 > j->cap) {
        size_t cap = j->cap ? j->cap : 256;
        while (cap < j->len + n + 1) cap *= 2;
        char *b = realloc(j->buf, cap);
        if (b == NULL) {
            j->failed = 1;
            return;
        }
        j->buf = b;
        j->cap = cap;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = '\0';
}

static void puts_(lt_json *j, const char *s) { put(j, s, strlen(s)); }

void lt_json_begin(lt_json *j, const char *type) {
    j->len = 0;
    j->failed = 0;
    puts_(j, "{\"type\":");
    lt_json_str(j, type);
    j->need_comma = 1;
}

void lt_json_key(lt_json *j, const char *key) {
    if (j->need_comma) puts_(j, ",");
    lt_json_str(j, key);
    puts_(j, ":");
    j->need_comma = 1;
}

/* Length of a valid UTF-8 sequence at s (1-4), or 0 when invalid. */
static int utf8_len(const unsigned char *s) {
    unsigned c = s[0];
    int n;
    unsigned min;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) { n = 2; min = 0x80; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; min = 0x800; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; min = 0x10000; c &= 0x07; }
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return n;
}

void lt_json_str(lt_json *j, const char *s) {
    puts_(j, "\"");
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        char esc[8];
        if (c == '"') puts_(j, "\\\"");
        else if (c == '\\') puts_(j, "\\\\");
        else if (c == '\n') puts_(j, "\\n");
        else if (c == '\r') puts_(j, "\\r");
        else if (c == '\t') puts_(j, "\\t");
        else if (c < 0x20 || c == 0x7F) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            puts_(j, esc);
        } else {
            int n = utf8_len(p);
            if (n == 0) {
                puts_(j, "\\ufffd");
                p++;
                continue;
            }
            put(j, (const char *)p, (size_t)n);
            p += n;
            continue;
        }
        p++;
    }
    puts_(j, "\"");
}

void lt_json_int(lt_json *j, int64_t v) {
    char b[32];
    snprintf(b, sizeof b, "%" PRId64, v);
    puts_(j, b);
}

void lt_json_null(lt_json *j) { puts_(j, "null"); }
void lt_json_bool(lt_json *j, int v) { puts_(j, v ? "true" : "false"); }
void lt_json_raw(lt_json *j, const char *s) { puts_(j, s); }

void lt_json_kv_str(lt_json *j, const char *key, const char *s) {
    lt_json_key(j, key);
    if (s == NULL) lt_json_null(j);
    else lt_json_str(j, s);
}

void lt_json_kv_int(lt_json *j, const char *key, int64_t v) {
    lt_json_key(j, key);
    lt_json_int(j, v);
}

int lt_json_end(lt_json *j, FILE *out) {
    puts_(j, "}\n");
    if (j->failed) return -1;
    if (fwrite(j->buf, 1, j->len, out) != j->len || fflush(out) != 0) return -1;
    return 0;
}

void lt_json_free(lt_json *j) {
    free(j->buf);
    j->buf = NULL;
    j->len = j->cap = 0;
}
