/* ONNX loader, reading: the file and the data of ONNX tensors. */
#include "onnx-loader.h"

lt_status ld_read_file(const char *path, uint8_t **out, size_t *len, lt_error *err) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return lt_fail(err, LT_ERR_MODEL, "cannot open model file '%s': %s", path, strerror(errno));
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        return lt_fail(err, LT_ERR_RUNTIME, "out of memory reading '%s'", path);
    }
    for (;;) {
        if (n == cap) {
            uint8_t *b = realloc(buf, cap * 2);
            if (b == NULL) {
                free(buf);
                fclose(f);
                return lt_fail(err, LT_ERR_RUNTIME, "out of memory reading '%s'", path);
            }
            buf = b;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) break;
    }
    int bad = ferror(f);
    int saved = errno;
    fclose(f);
    if (bad) {
        free(buf);
        return lt_fail(err, LT_ERR_MODEL, "cannot read model file '%s': %s", path, strerror(saved));
    }
    *out = buf;
    *len = n;
    return LT_OK;
}

/* Float data of a TensorProto (raw_data little-endian or float_data), or int64 data into *i64. */
lt_status ld_tensor_data(loader *L, const Onnx__TensorProto *tp, const char *what, float **f, int64_t **i64) {
    *f = NULL;
    *i64 = NULL;
    if (tp->n_dims > LT_MAX_RANK) {
        return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s '%s' has rank %zu; at most %d is supported", what,
                       tp->name ? tp->name : "", tp->n_dims, LT_MAX_RANK);
    }
    for (size_t i = 0; i < tp->n_dims; i++) {
        if (tp->dims[i] < 0 || tp->dims[i] > (1 << 28)) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has an invalid dimension %lld", what,
                           tp->name ? tp->name : "", (long long)tp->dims[i]);
        }
    }
    if (tp->n_external_data > 0 || (tp->has_data_location && tp->data_location != 0)) {
        return lt_fail(L->err, LT_ERR_UNSUPPORTED,
                       "%s '%s' keeps its data in an external file; export with the data inside the model", what,
                       tp->name ? tp->name : "");
    }
    int64_t n = 1;
    for (size_t i = 0; i < tp->n_dims; i++) {
        if (tp->dims[i] > 0 && n > LT_MAX_ELEMENTS / tp->dims[i]) {
            return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has more than %lld elements", what, tp->name ? tp->name : "",
                           (long long)LT_MAX_ELEMENTS);
        }
        n *= tp->dims[i];
    }
    int type = tp->has_data_type ? tp->data_type : 0;
    if (type == ONNX_FLOAT) {
        float *d = malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
        if (d == NULL) return ld_oom(L);
        if (tp->has_raw_data) {
            if (tp->raw_data.len != (size_t)n * 4) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu bytes of data, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->raw_data.len, (long long)n * 4);
            }
            memcpy(d, tp->raw_data.data, (size_t)n * 4); /* ONNX raw data is little-endian, as are our targets */
        } else {
            if (tp->n_float_data != (size_t)n) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu values, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->n_float_data, (long long)n);
            }
            if (n > 0) memcpy(d, tp->float_data, (size_t)n * sizeof(float));
        }
        *f = d;
        return LT_OK;
    }
    if (type == ONNX_INT64) {
        int64_t *d = malloc((size_t)(n > 0 ? n : 1) * sizeof(int64_t));
        if (d == NULL) return ld_oom(L);
        if (tp->has_raw_data) {
            if (tp->raw_data.len != (size_t)n * 8) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu bytes of data, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->raw_data.len, (long long)n * 8);
            }
            memcpy(d, tp->raw_data.data, (size_t)n * 8);
        } else {
            if (tp->n_int64_data != (size_t)n) {
                free(d);
                return lt_fail(L->err, LT_ERR_MODEL, "%s '%s' has %zu values, its shape needs %lld", what,
                               tp->name ? tp->name : "", tp->n_int64_data, (long long)n);
            }
            if (n > 0) memcpy(d, tp->int64_data, (size_t)n * sizeof(int64_t));
        }
        /* Also keep a float copy so int64 constants can flow through folding like any constant. */
        float *fd = malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
        if (fd == NULL) {
            free(d);
            return ld_oom(L);
        }
        for (int64_t i = 0; i < n; i++) fd[i] = (float)d[i];
        *f = fd;
        *i64 = d;
        return LT_OK;
    }
    return lt_fail(L->err, LT_ERR_UNSUPPORTED, "%s '%s' has ONNX data type %d; only float32 (and int64 shapes) are supported",
                   what, tp->name ? tp->name : "", type);
}
