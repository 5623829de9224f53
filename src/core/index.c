/* Basic indexing: integers, slices, newaxis and ellipsis give views; the string
 * form parses NumPy's own index syntax. */
#include "core/internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

/* Python's slice.indices(): clamp start/stop for a given length; returns the count. */
static int64_t slice_indices(const nd_index *s, int64_t len, int64_t *start, int64_t *step) {
    int64_t st = s->step;
    if (st < -INT64_MAX) st = -INT64_MAX;
    int64_t b, e;
    if (st > 0) {
        b = s->has_start ? s->start : 0;
        e = s->has_stop ? s->stop : len;
        if (b < 0) { b += len; if (b < 0) b = 0; } else if (b > len) b = len;
        if (e < 0) { e += len; if (e < 0) e = 0; } else if (e > len) e = len;
    } else {
        b = s->has_start ? s->start : len - 1;
        e = s->has_stop ? s->stop : -1;
        if (s->has_start) { if (b < 0) { b += len; if (b < 0) b = -1; } else if (b >= len) b = len - 1; }
        if (s->has_stop) { if (e < 0) { e += len; if (e < 0) e = -1; } else if (e >= len) e = len - 1; }
    }
    *start = b;
    *step = st;
    if (st > 0) return e > b ? (e - b - 1) / st + 1 : 0;
    return e < b ? (b - e - 1) / (-st) + 1 : 0;
}

nd_array *nd_index_get(const nd_array *a, int n, const nd_index *index) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (n < 0 || (n > 0 && !index)) return nd__err(ND_ERR_VALUE, "invalid index");
    int consumed = 0, ellipses = 0, newaxes = 0;
    for (int i = 0; i < n; i++) {
        switch (index[i].kind) {
        case ND_INDEX_INT: case ND_INDEX_SLICE: consumed++; break;
        case ND_INDEX_ELLIPSIS: ellipses++; break;
        case ND_INDEX_NEWAXIS: newaxes++; break;
        default: return nd__err(ND_ERR_INDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
        }
    }
    if (ellipses > 1) return nd__err(ND_ERR_INDEX, "an index can only have a single ellipsis ('...')");
    if (consumed > a->ndim)
        return nd__err(ND_ERR_INDEX, "too many indices for array: array is %d-dimensional, but %d were indexed",
                       a->ndim, consumed);
    int outnd = a->ndim - consumed + newaxes;
    for (int i = 0; i < n; i++) if (index[i].kind == ND_INDEX_SLICE) outnd++;
    if (a->ndim + newaxes > ND_MAXDIMS) return nd__err(ND_ERR_INDEX, "number of dimensions must be within [0, %d]", ND_MAXDIMS);
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    char *data = a->data;
    int ax = 0, o = 0;
    for (int i = 0; i < n; i++) {
        const nd_index *x = &index[i];
        if (x->kind == ND_INDEX_NEWAXIS) { shape[o] = 1; strides[o] = 0; o++; continue; }
        if (x->kind == ND_INDEX_ELLIPSIS) {
            for (int k = 0; k < a->ndim - consumed; k++, ax++, o++) { shape[o] = a->shape[ax]; strides[o] = a->strides[ax]; }
            continue;
        }
        int64_t len = a->shape[ax];
        if (x->kind == ND_INDEX_INT) {
            int64_t k = x->i;
            if (k < -len || k >= len)
                return nd__err(ND_ERR_INDEX, "index %lld is out of bounds for axis %d with size %lld",
                               (long long)k, ax, (long long)len);
            if (k < 0) k += len;
            data += k * a->strides[ax];
            ax++;
            continue;
        }
        if (x->step == 0) return nd__err(ND_ERR_VALUE, "slice step cannot be zero");
        int64_t start, step, cnt = slice_indices(x, len, &start, &step);
        if (cnt > 0) data += start * a->strides[ax];
        shape[o] = cnt;
        strides[o] = a->strides[ax] * step;
        o++;
        ax++;
    }
    for (; ax < a->ndim; ax++, o++) { shape[o] = a->shape[ax]; strides[o] = a->strides[ax]; }
    return nd__view(a, a->dtype, o, shape, strides, data);
}

int nd_index_set(nd_array *a, int n, const nd_index *index, const nd_array *value) {
    if (!value) return nd_error_set(ND_ERR_VALUE, "value must not be NULL");
    nd_array *v = nd_index_get(a, n, index);
    if (!v) return -1;
    int r = nd__assign(v, value);
    nd_free(v);
    return r;
}

/* ------------------------------------------------------------ the parser */

static const char *skip_ws(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    return s;
}

static bool bad_index(const char *text) {
    nd__err(ND_ERR_INDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices (in \"%s\")", text);
    return false;
}

/* An optional integer; *present tells whether one was there. */
static bool parse_int(const char **sp, int64_t *out, bool *present, const char *text) {
    const char *s = skip_ws(*sp);
    *present = false;
    if (*s == '-' || *s == '+' || isdigit((unsigned char)*s)) {
        errno = 0;
        char *end;
        long long v = strtoll(s, &end, 10);
        if (end == s || (!isdigit((unsigned char)end[-1]))) return bad_index(text);
        if (errno == ERANGE) {
            nd__err(ND_ERR_INDEX, "cannot fit 'int' into an index-sized integer");
            return false;
        }
        *out = v;
        *present = true;
        s = end;
    }
    *sp = skip_ws(s);
    return true;
}

int nd_index_parse(const char *text, nd_index *items, int cap) {
    if (!text) return nd_error_set(ND_ERR_VALUE, "index text must not be NULL");
    const char *s = skip_ws(text);
    int n = 0;
    if (!*s) return 0;
    for (;;) {
        nd_index x = { 0 };
        s = skip_ws(s);
        if (strncmp(s, "...", 3) == 0) { x.kind = ND_INDEX_ELLIPSIS; s += 3; }
        else if (strncmp(s, "None", 4) == 0) { x.kind = ND_INDEX_NEWAXIS; s += 4; }
        else if (strncmp(s, "np.newaxis", 10) == 0) { x.kind = ND_INDEX_NEWAXIS; s += 10; }
        else if (strncmp(s, "newaxis", 7) == 0) { x.kind = ND_INDEX_NEWAXIS; s += 7; }
        else {
            int64_t v;
            bool has;
            if (!parse_int(&s, &v, &has, text)) return -1;
            if (*s == ':') {
                x.kind = ND_INDEX_SLICE;
                x.has_start = has;
                x.start = has ? v : 0;
                s++;
                if (!parse_int(&s, &v, &has, text)) return -1;
                x.has_stop = has;
                x.stop = has ? v : 0;
                x.step = 1;
                if (*s == ':') {
                    s++;
                    if (!parse_int(&s, &v, &has, text)) return -1;
                    if (has) x.step = v;
                }
            } else if (has) {
                x.kind = ND_INDEX_INT;
                x.i = v;
            } else {
                /* an empty item is only valid as the tail of "1," */
                if ((*s == 0) && n > 0) break;
                bad_index(text);
                return -1;
            }
        }
        s = skip_ws(s);
        if (n >= cap) return nd_error_set(ND_ERR_INDEX, "too many indices in \"%s\"", text);
        items[n++] = x;
        if (*s == 0) break;
        if (*s != ',') { bad_index(text); return -1; }
        s = skip_ws(s + 1);
        if (*s == 0) break; /* trailing comma */
    }
    return n;
}

#define MAX_ITEMS (2 * ND_MAXDIMS + 1)

nd_array *nd_get(const nd_array *a, const char *index) {
    nd_index items[MAX_ITEMS];
    int n = nd_index_parse(index, items, MAX_ITEMS);
    if (n < 0) return NULL;
    return nd_index_get(a, n, items);
}

int nd_set(nd_array *a, const char *index, const nd_array *value) {
    nd_index items[MAX_ITEMS];
    int n = nd_index_parse(index, items, MAX_ITEMS);
    if (n < 0) return -1;
    return nd_index_set(a, n, items, value);
}

int nd_set_value_ex(nd_array *a, const char *index, nd_value value) {
    nd_index items[MAX_ITEMS];
    int n = nd_index_parse(index, items, MAX_ITEMS);
    if (n < 0) return -1;
    nd_array *v = nd_index_get(a, n, items);
    if (!v) return -1;
    int r = nd_fill_ex(v, value);
    nd_free(v);
    return r;
}
