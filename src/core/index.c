/* Basic indexing: integers, slices, newaxis and ellipsis give views; the string
 * form parses NumPy's own index syntax. */
#include "core/internal.h"
#include "index/index_priv.h"

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
    if (nd__index_has_array(n, index)) return nd__adv_get(a, n, index);
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
    if (!a) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    if (n < 0 || (n > 0 && !index)) return nd_error_set(ND_ERR_VALUE, "invalid index");
    if (nd__index_has_array(n, index)) return nd__adv_set(a, n, index, value);
    nd_array *v = nd_index_get(a, n, index);
    if (!v) return -1;
    int r = nd__assign(v, value);
    nd_free(v);
    return r;
}

int nd_index_set_value(nd_array *a, int n, const nd_index *index, nd_value value) {
    if (!a) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    if (n < 0 || (n > 0 && !index)) return nd_error_set(ND_ERR_VALUE, "invalid index");
    if (nd__index_has_array(n, index)) {
        nd_array *v = nd__scalar_array(value, a->dtype);
        if (!v) return -1;
        int r = nd__adv_set(a, n, index, v);
        nd_free(v);
        return r;
    }
    nd_array *v = nd_index_get(a, n, index);
    if (!v) return -1;
    int r = nd_fill_ex(v, value);
    nd_free(v);
    return r;
}

const nd_array *nd_index_array(const nd_index *item) {
    return item && item->kind == ND_INDEX_ARRAY ? item->array : NULL;
}

bool nd__index_has_array(int n, const nd_index *items) {
    for (int i = 0; i < n; i++)
        if (items[i].kind == ND_INDEX_ARRAY) return true;
    return false;
}

/* ------------------------------------------------------------ the parser */

/* Parser state: the text, the placeholder arguments (NULL: none allowed) and the
 * arrays made from list literals, which the caller releases. */
typedef struct parser {
    const char *text, *s;
    va_list *ap;
    nd_array **owned;
    int nowned;
} parser;

static const char *skip_ws(const char *s) {
    while (isspace((unsigned char)*s)) s++;
    return s;
}

static bool bad_index(const char *text) {
    nd__err(ND_ERR_INDEX, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices (in \"%s\")", text);
    return false;
}

/* A placeholder for an integer at p->s ("%d", "%i", "%ld", "%lld", "%zd"); *len gets
 * its length, 0 when there is none. */
static int int_placeholder(const char *s) {
    if (s[0] != '%') return 0;
    if (s[1] == 'd' || s[1] == 'i') return 2;
    if ((s[1] == 'l' || s[1] == 'z') && (s[2] == 'd' || s[2] == 'i')) return 3;
    if (s[1] == 'l' && s[2] == 'l' && (s[3] == 'd' || s[3] == 'i')) return 4;
    return 0;
}

static bool no_args(parser *p) {
    nd__err(ND_ERR_VALUE, "index placeholders need arguments: use nd_get/nd_set (in \"%s\")", p->text);
    return false;
}

/* An optional integer (literal or placeholder); *present tells whether one was there. */
static bool parse_int(parser *p, int64_t *out, bool *present) {
    const char *s = skip_ws(p->s);
    *present = false;
    int ph = int_placeholder(s);
    if (ph) {
        if (!p->ap) return no_args(p);
        if (ph == 2) *out = va_arg(*p->ap, int);
        else if (s[1] == 'z') *out = (int64_t)va_arg(*p->ap, ptrdiff_t);
        else if (ph == 3) *out = (int64_t)va_arg(*p->ap, long);
        else *out = (int64_t)va_arg(*p->ap, long long);
        *present = true;
        s += ph;
    } else if (*s == '-' || *s == '+' || isdigit((unsigned char)*s)) {
        errno = 0;
        char *end;
        long long v = strtoll(s, &end, 10);
        if (end == s || (!isdigit((unsigned char)end[-1]))) return bad_index(p->text);
        if (errno == ERANGE) {
            nd__err(ND_ERR_INDEX, "cannot fit 'int' into an index-sized integer");
            return false;
        }
        *out = v;
        *present = true;
        s = end;
    }
    p->s = skip_ws(s);
    return true;
}

static bool word(const char *s, const char *w) {
    size_t n = strlen(w);
    return strncmp(s, w, n) == 0 && !isalnum((unsigned char)s[n]) && s[n] != '_';
}

/* A list literal "[...]" (nested, rectangular) of integers or True/False. */
typedef struct list_acc {
    int64_t *vals;
    int64_t n, cap;
    int ndim;
    int64_t shape[ND_MAXDIMS];
    bool any_int, any_bool;
} list_acc;

static bool list_push(list_acc *L, int64_t v) {
    if (L->n == L->cap) {
        int64_t nc = L->cap ? 2 * L->cap : 16;
        int64_t *nv = nd__alloc_realloc(L->vals, (size_t)nc * sizeof(int64_t));
        if (!nv) { nd__nomem(); return false; }
        L->vals = nv;
        L->cap = nc;
    }
    L->vals[L->n++] = v;
    return true;
}

static bool ragged(parser *p) {
    nd__err(ND_ERR_VALUE, "setting an array element with a sequence. The requested array has an inhomogeneous shape (in \"%s\")", p->text);
    return false;
}

static bool parse_list(parser *p, list_acc *L, int depth) {
    if (depth >= ND_MAXDIMS) return ragged(p);
    p->s = skip_ws(p->s + 1); /* past '[' */
    int64_t count = 0;
    int leaf = -1; /* unknown, 1 = scalars, 0 = sub-lists */
    while (*p->s != ']') {
        if (*p->s == '[') {
            if (leaf == 1) return ragged(p);
            leaf = 0;
            if (!parse_list(p, L, depth + 1)) return false;
        } else {
            if (leaf == 0) return ragged(p);
            leaf = 1;
            int64_t v;
            bool has;
            if (word(p->s, "True") || word(p->s, "False")) {
                v = p->s[0] == 'T';
                p->s = skip_ws(p->s + (v ? 4 : 5));
                L->any_bool = true;
            } else {
                if (!parse_int(p, &v, &has)) return false;
                if (!has) return bad_index(p->text);
                L->any_int = true;
            }
            if (!list_push(L, v)) return false;
        }
        count++;
        p->s = skip_ws(p->s);
        if (*p->s == ',') p->s = skip_ws(p->s + 1);
        else if (*p->s != ']') return bad_index(p->text);
    }
    p->s = skip_ws(p->s + 1);
    /* the first list seen at a depth fixes its length; the leaf depth fixes ndim */
    if (leaf != 0) {
        if (L->ndim == 0) L->ndim = depth + 1;
        else if (L->ndim != depth + 1) return ragged(p);
    }
    if (L->shape[depth] < 0) L->shape[depth] = count;
    else if (L->shape[depth] != count) return ragged(p);
    return true;
}

static nd_array *list_literal(parser *p) {
    list_acc L = { 0 };
    for (int k = 0; k < ND_MAXDIMS; k++) L.shape[k] = -1;
    nd_array *r = NULL;
    if (parse_list(p, &L, 0)) {
        bool is_bool = L.any_bool && !L.any_int;
        r = nd__new(is_bool ? ND_BOOL : ND_INT64, L.ndim, L.shape, 'C', false);
        if (r) {
            if (is_bool) for (int64_t k = 0; k < L.n; k++) ((bool *)r->data)[k] = L.vals[k] != 0;
            else if (L.n) memcpy(r->data, L.vals, (size_t)L.n * sizeof(int64_t));
        }
    }
    nd__dealloc(L.vals);
    return r;
}

static bool own(parser *p, nd_index *x, nd_array *arr) {
    if (!arr) return false;
    p->owned[p->nowned++] = arr;
    *x = ND_A(arr);
    return true;
}

/* Parse into at most cap items; owned (cap entries, may be NULL when no list literal
 * may appear) receives the arrays made for list literals and True/False. */
static int parse_items(parser *p, nd_index *items, int cap) {
    if (!p->text) return nd_error_set(ND_ERR_VALUE, "index text must not be NULL");
    p->s = skip_ws(p->text);
    int n = 0;
    if (!*p->s) return 0;
    for (;;) {
        nd_index x = { 0 };
        const char *s = p->s = skip_ws(p->s);
        if (n >= cap) return nd_error_set(ND_ERR_INDEX, "too many indices in \"%s\"", p->text);
        if (strncmp(s, "...", 3) == 0) { x.kind = ND_INDEX_ELLIPSIS; p->s += 3; }
        else if (word(s, "None")) { x.kind = ND_INDEX_NEWAXIS; p->s += 4; }
        else if (word(s, "np.newaxis")) { x.kind = ND_INDEX_NEWAXIS; p->s += 10; }
        else if (word(s, "newaxis")) { x.kind = ND_INDEX_NEWAXIS; p->s += 7; }
        else if (s[0] == '%' && s[1] == 'a') {
            if (!p->ap) return no_args(p), -1;
            const nd_array *arr = va_arg(*p->ap, const nd_array *);
            if (!arr) return nd_error_set(ND_ERR_VALUE, "index array must not be NULL");
            x = ND_A(arr);
            p->s += 2;
        } else if (word(s, "True") || word(s, "False") || s[0] == '[') {
            if (!p->owned) return bad_index(p->text), -1;
            nd_array *arr;
            if (s[0] == '[') arr = list_literal(p);
            else {
                bool t = s[0] == 'T';
                arr = nd__new(ND_BOOL, 0, NULL, 'C', false);
                if (arr) *(bool *)arr->data = t;
                p->s += t ? 4 : 5;
            }
            if (!own(p, &x, arr)) return -1;
        } else {
            int64_t v;
            bool has;
            if (!parse_int(p, &v, &has)) return -1;
            if (*p->s == ':') {
                x.kind = ND_INDEX_SLICE;
                x.has_start = has;
                x.start = has ? v : 0;
                p->s++;
                if (!parse_int(p, &v, &has)) return -1;
                x.has_stop = has;
                x.stop = has ? v : 0;
                x.step = 1;
                if (*p->s == ':') {
                    p->s++;
                    if (!parse_int(p, &v, &has)) return -1;
                    if (has) x.step = v;
                }
            } else if (has) {
                x.kind = ND_INDEX_INT;
                x.i = v;
            } else {
                /* an empty item is only valid as the tail of "1," */
                if ((*p->s == 0) && n > 0) break;
                bad_index(p->text);
                return -1;
            }
        }
        p->s = skip_ws(p->s);
        items[n++] = x;
        if (*p->s == 0) break;
        if (*p->s != ',') { bad_index(p->text); return -1; }
        p->s = skip_ws(p->s + 1);
        if (*p->s == 0) break; /* trailing comma */
    }
    return n;
}

int nd_index_parse(const char *text, nd_index *items, int cap) {
    parser p = { text, text, NULL, NULL, 0 };
    return parse_items(&p, items, cap);
}

#define MAX_ITEMS (2 * ND_MAXDIMS + 1)

/* One parsed index: items plus the arrays the text itself made. */
typedef struct parsed {
    nd_index items[MAX_ITEMS];
    nd_array *owned[MAX_ITEMS];
    int n, nowned;
} parsed;

static int parse_va(parsed *q, const char *text, va_list *ap) {
    parser p = { text, text, ap, q->owned, 0 };
    q->n = parse_items(&p, q->items, MAX_ITEMS);
    q->nowned = p.nowned;
    return q->n;
}

static void parsed_free(parsed *q) {
    for (int k = 0; k < q->nowned; k++) nd_free(q->owned[k]);
}

nd_array *nd_getv(const nd_array *a, const char *index, va_list ap) {
    parsed q;
    va_list cp;
    va_copy(cp, ap);
    nd_array *r = parse_va(&q, index, &cp) < 0 ? NULL : nd_index_get(a, q.n, q.items);
    va_end(cp);
    parsed_free(&q);
    return r;
}

nd_array *nd_get(const nd_array *a, const char *index, ...) {
    va_list ap;
    va_start(ap, index);
    nd_array *r = nd_getv(a, index, ap);
    va_end(ap);
    return r;
}

int nd_setv(nd_array *a, const char *index, const nd_array *value, va_list ap) {
    parsed q;
    va_list cp;
    va_copy(cp, ap);
    int r = parse_va(&q, index, &cp) < 0 ? -1 : nd_index_set(a, q.n, q.items, value);
    va_end(cp);
    parsed_free(&q);
    return r;
}

int nd_set(nd_array *a, const char *index, const nd_array *value, ...) {
    va_list ap;
    va_start(ap, value);
    int r = nd_setv(a, index, value, ap);
    va_end(ap);
    return r;
}

int nd_set_value_ex(nd_array *a, const char *index, nd_value value, ...) {
    parsed q;
    va_list ap;
    va_start(ap, value);
    int r = parse_va(&q, index, &ap) < 0 ? -1 : nd_index_set_value(a, q.n, q.items, value);
    va_end(ap);
    parsed_free(&q);
    return r;
}
