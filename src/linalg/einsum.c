/* np.einsum and np.einsum_path.  Subscripts are parsed into integer labels (letters
 * keep their character code; the broadcast dimensions of '...' get 128 + position).
 * Two engines: a generic sum of products walking every label with the iterator
 * (repeated labels become diagonal strides, summed labels zero output strides), and a
 * pairwise path (NumPy's greedy algorithm) whose contractions are batched matmuls. */
#include "linalg/la_internal.h"

#include <stdarg.h>
#include <stdio.h>

#define MAXOPS (ND_ITER_MAXOP - 1)
#define MAXL 64

typedef struct term {
    int n;            /* labels (= ndim of the operand) */
    int lab[ND_MAXDIMS];
} term;

typedef struct spec {
    int nops;
    term in[MAXOPS];
    term out;
    int64_t size[256];   /* size of each label (after broadcasting) */
} spec;

static bool is_letter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

/* Parse one term (operand k; the output when is_out); ell_dims is how many dimensions
 * '...' covers (-1: unknown yet).  Returns 0, or -1 with NumPy's error. */
static int parse_term(const char *s, const char *e, const nd_array *op, int nell_total, term *t, bool is_out, int *ell_out,
                      int k) {
    int letters = 0, ell = 0;
    for (const char *p = s; p < e; p++) {
        if (*p == ' ') continue;
        if (*p == '.') {
            if (p + 2 >= e || p[1] != '.' || p[2] != '.' || ell) {
                if (is_out)
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
                            "('...') in the output");
                else
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
                            "('...') in operand %d", k);
                return -1;
            }
            ell = 1;
            p += 2;
            continue;
        }
        if (!is_letter(*p)) {
            nd__err(ND_ERR_VALUE, "invalid subscript '%c' in einstein sum subscripts string, subscripts must be letters", *p);
            return -1;
        }
        letters++;
    }
    int nell = 0;
    if (!is_out) {
        if (letters > op->ndim || (!ell && letters != op->ndim)) {
            if (letters > op->ndim) nd__err(ND_ERR_VALUE, "einstein sum subscripts string contains too many subscripts for operand %d", k);
            else nd__err(ND_ERR_VALUE, "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
            return -1;
        }
        nell = ell ? op->ndim - letters : 0;
    } else {
        nell = ell ? nell_total : 0;
    }
    t->n = 0;
    for (const char *p = s; p < e; p++) {
        if (*p == ' ') continue;
        if (*p == '.') {
            for (int i = 0; i < nell; i++) t->lab[t->n++] = 128 + (nell_total - nell) + i;
            p += 2;
            continue;
        }
        t->lab[t->n++] = (unsigned char)*p;
    }
    if (ell_out) *ell_out = ell ? nell : -1;
    return 0;
}

/* NumPy's einsum_path (Python, used by optimize='greedy' and einsum_path) checks the
 * subscripts in its own order with its own messages. */
static int py_check(const char *subs, int nops, const nd_array *const *ops) {
    char s[512];
    size_t n = 0;
    for (const char *p = subs; *p && n < sizeof s - 1; p++) if (*p != ' ') s[n++] = *p;
    s[n] = 0;
    if (n == sizeof s - 1) return 0; /* very long: the generic checks only */
    for (size_t i = 0; i < n; i++)
        if (!strchr(".,->", s[i]) && !is_letter(s[i])) {
            nd__err(ND_ERR_VALUE, "Character %c is not a valid symbol.", s[i]);
            return -1;
        }
    char *arrow = strstr(s, "->");
    if (strchr(s, '-') || strchr(s, '>')) {
        int minus = 0, gt = 0;
        for (size_t i = 0; i < n; i++) { minus += s[i] == '-'; gt += s[i] == '>'; }
        if (minus > 1 || gt > 1 || !arrow) { nd__err(ND_ERR_VALUE, "Subscripts can only contain one '->'."); return -1; }
    }
    char *end_in = arrow ? arrow : s + n;
    int nterms = 0, ellk[MAXOPS + 1];
    for (char *t = s; t <= end_in; nterms++) { /* each input term: its ellipsis */
        char *e = t;
        while (e < end_in && *e != ',') e++;
        int dots = 0, trip = 0, letters = 0;
        for (char *q = t; q < e; q++) {
            dots += *q == '.';
            letters += is_letter(*q);
            if (q + 2 < e && !strncmp(q, "...", 3)) trip++;
        }
        if (dots && (dots != 3 || trip != 1)) { nd__err(ND_ERR_VALUE, "Invalid Ellipses."); return -1; }
        if (nterms <= MAXOPS) ellk[nterms] = dots ? 1 : 0;
        if (dots && nterms < nops && ops[nterms]->ndim > 0 &&
            (ops[nterms]->ndim > 1 ? ops[nterms]->ndim : 1) - letters < 0) {
            nd__err(ND_ERR_VALUE, "Ellipses lengths do not match.");
            return -1;
        }
        t = e + 1;
    }
    if (arrow)
        for (char *q = arrow + 2; *q; q++) {
            if (!strncmp(q, "...", 3)) { q += 2; continue; }
            bool found = false; /* the input's '...' are letters by now in NumPy */
            for (char *r = s; r < end_in && !found; r++) found = *r == *q && *q != '.';
            if (!found) { nd__err(ND_ERR_VALUE, "Output character %c did not appear in the input", *q); return -1; }
        }
    if (nterms != nops) {
        nd__err(ND_ERR_VALUE, "Number of einsum subscripts must be equal to the number of operands.");
        return -1;
    }
    int64_t size[128];
    for (int i = 0; i < 128; i++) size[i] = -1;
    char *t = s;
    for (int k = 0; k < nops; k++) {
        char *e = t;
        while (e < end_in && *e != ',') e++;
        if (!ellk[k]) {
            int letters = (int)(e - t);
            if (letters != ops[k]->ndim) {
                nd__err(ND_ERR_VALUE, "Einstein sum subscript %c does not contain the correct number of indices for "
                        "operand %d.", k < (int)(end_in - s) ? s[k] : '?', k);
                return -1;
            }
            for (int d = 0; d < letters; d++) {
                int l = (unsigned char)t[d];
                int64_t dim = ops[k]->shape[d];
                if (size[l] < 0 || size[l] == 1) size[l] = dim;
                else if (dim != 1 && dim != size[l]) {
                    nd__err(ND_ERR_VALUE, "Size of label '%c' for operand %d (%lld) does not match previous terms (%lld).", l,
                            k, (long long)size[l], (long long)dim);
                    return -1;
                }
            }
        }
        t = e + 1;
    }
    return 0;
}

/* NumPy's C einsum (optimize=False) reads the terms one by one, the output, then
 * collapses repeated labels and broadcasts with the iterator; its operand-count
 * messages are worded the other way round, kept as NumPy has them. */
static int c_check(const char *subs, int nops, const nd_array *const *ops) {
    const char *s = subs;
    for (int k = 0; k < nops; k++) {
        size_t len = strcspn(s, ",-");
        if (k == nops - 1 && s[len] == ',') {
            nd__err(ND_ERR_VALUE, "more operands provided to einstein sum function than specified in the subscripts string");
            return -1;
        }
        if (k < nops - 1 && s[len] != ',') {
            nd__err(ND_ERR_VALUE, "fewer operands provided to einstein sum function than specified in the subscripts string");
            return -1;
        }
        term tmp;
        if (parse_term(s, s + len, ops[k], 0, &tmp, false, NULL, k) < 0) return -1;
        s += len;
        if (k < nops - 1) s++;
    }
    if (s[0] == '-' && s[1] == '>') {
        bool seen[128] = { false }, ell = false;
        for (const char *q = subs; q < s; q++) if (is_letter(*q)) seen[(unsigned char)*q] = true;
        for (const char *q = s + 2; *q; q++) {
            if (is_letter(*q)) {
                if (strchr(q + 1, *q)) {
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string includes output subscript '%c' multiple times", *q);
                    return -1;
                }
                if (!seen[(unsigned char)*q]) {
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string included output subscript '%c' which never "
                            "appeared in an input", *q);
                    return -1;
                }
            } else if (*q == '.') {
                if (ell || q[1] != '.' || q[2] != '.') {
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string contains a '.' that is not part of an ellipsis "
                            "('...') in the output");
                    return -1;
                }
                ell = true;
                q += 2;
            } else if (*q != ' ') {
                nd__err(ND_ERR_VALUE, "invalid subscript '%c' in einstein sum subscripts string, subscripts must be letters", *q);
                return -1;
            }
        }
    } else if (*s) {
        nd__err(ND_ERR_VALUE, "einstein sum subscript string does not contain proper '->' output specified");
        return -1;
    }
    return 0;
}

/* NumPy's C einsum errors for labels whose sizes disagree: within one operand (the
 * diagonal), then across operands (the iterator's broadcast error, remapped shapes in
 * iteration order: output labels, then the summed ones by code; leading new axes left
 * out). */
static int c_size_error(const spec *sp, const nd_array *const *ops) {
    for (int k = 0; k < sp->nops; k++)
        for (int d = 0; d < sp->in[k].n; d++)
            for (int e = 0; e < d; e++)
                if (sp->in[k].lab[e] == sp->in[k].lab[d] && ops[k]->shape[e] != ops[k]->shape[d]) {
                    int l = sp->in[k].lab[d];
                    nd__err(ND_ERR_VALUE, "dimensions in operand %d for collapsing index '%c' don't match (%lld != %lld)", k,
                            l < 128 ? l : '?', (long long)ops[k]->shape[e], (long long)ops[k]->shape[d]);
                    return -1;
                }
    int it[256], nit = 0;
    bool in_out[256] = { false };
    for (int i = 0; i < sp->out.n; i++) { it[nit++] = sp->out.lab[i]; in_out[sp->out.lab[i]] = true; }
    for (int l = 0; l < 256; l++) {
        if (in_out[l] || sp->size[l] < 0) continue;
        it[nit++] = l;
    }
    char msg[2048], sh[256];
    size_t m = (size_t)snprintf(msg, sizeof msg, "operands could not be broadcast together with remapped shapes "
                                "[original->remapped]: ");
    for (int k = 0; k < sp->nops && m < sizeof msg - 300; k++) {
        int64_t orig[ND_MAXDIMS];
        int no = 0, lab[ND_MAXDIMS];
        for (int d = 0; d < sp->in[k].n; d++) {
            bool dup = false;
            for (int e = 0; e < no; e++) dup |= lab[e] == sp->in[k].lab[d];
            if (!dup) { lab[no] = sp->in[k].lab[d]; orig[no++] = ops[k]->shape[d]; }
        }
        m += (size_t)snprintf(msg + m, sizeof msg - m, "%s->(", nd__shape_str(sh, sizeof sh, no, orig));
        int shown = 0;
        for (int i = 0; i < nit && m < sizeof msg - 40; i++) {
            int e = -1;
            for (int q = 0; q < no; q++) if (lab[q] == it[i]) e = q;
            if (e < 0 && !shown) continue;
            if (e < 0) m += (size_t)snprintf(msg + m, sizeof msg - m, "%snewaxis", shown ? "," : "");
            else m += (size_t)snprintf(msg + m, sizeof msg - m, "%s%lld", shown ? "," : "", (long long)orig[e]);
            shown++;
        }
        m += (size_t)snprintf(msg + m, sizeof msg - m, "%s) ", shown == 1 ? "," : "");
    }
    nd__err(ND_ERR_VALUE, "%s", msg);
    return -1;
}

/* py: NumPy's Python parser (optimize='greedy'); path: einsum_path, which also lets an
 * output label repeat (only the final contraction would refuse it). */
static int parse(const char *subs, int nops, const nd_array *const *ops, spec *sp, bool py, bool path) {
    memset(sp, 0, sizeof *sp);
    if (nops <= MAXOPS && (py ? py_check(subs, nops, ops) : c_check(subs, nops, ops)) < 0) return -1;
    const char *arrow = strstr(subs, "->");
    const char *end_in = arrow ? arrow : subs + strlen(subs);
    bool mismatch = false;
    /* count terms */
    int nterms = 1;
    for (const char *p = subs; p < end_in; p++) if (*p == ',') nterms++;
    if (nops > nterms) { nd__err(ND_ERR_VALUE, "more operands provided to einstein sum function than specified in the subscripts string"); return -1; }
    if (nops < nterms) { nd__err(ND_ERR_VALUE, "fewer operands provided to einstein sum function than specified in the subscripts string"); return -1; }
    if (nops > MAXOPS) { nd__err(ND_ERR_VALUE, "too many operands for einsum (at most %d)", MAXOPS); return -1; }
    sp->nops = nops;
    const char *s = subs;
    int ell_max = 0;
    /* first pass to find the broadcast ellipsis width */
    for (int k = 0; k < nops; k++) {
        const char *e = s;
        while (e < end_in && *e != ',') e++;
        int ne;
        if (parse_term(s, e, ops[k], 0, &sp->in[k], false, &ne, k) < 0) return -1;
        if (ne > ell_max) ell_max = ne;
        s = e + 1;
    }
    s = subs;
    for (int k = 0; k < nops; k++) { /* again with the width known */
        const char *e = s;
        while (e < end_in && *e != ',') e++;
        if (parse_term(s, e, ops[k], ell_max, &sp->in[k], false, NULL, k) < 0) return -1;
        s = e + 1;
    }
    /* label sizes, with size-1 broadcasting */
    for (int i = 0; i < 256; i++) sp->size[i] = -1;
    for (int k = 0; k < nops; k++)
        for (int d = 0; d < sp->in[k].n; d++) {
            int l = sp->in[k].lab[d];
            int64_t sz = ops[k]->shape[d];
            if (sp->size[l] < 0 || sp->size[l] == 1) sp->size[l] = sz;
            else if (sz != 1 && sz != sp->size[l] && !py) mismatch = true; /* reported once the output is known */
            else if (sz != 1 && sz != sp->size[l]) {
                if (l >= 128) nd__err(ND_ERR_VALUE, "operands could not be broadcast together with remapped shapes");
                else nd__err(ND_ERR_VALUE, "size of label '%c' for operand %d (%lld) does not match previous terms (%lld).", l, k,
                             (long long)sz, (long long)sp->size[l]);
                return -1;
            }
        }
    if (arrow) {
        const char *o = arrow + 2;
        const char *oe = o + strlen(o);
        if (parse_term(o, oe, NULL, ell_max, &sp->out, true, NULL, -1) < 0) return -1;
        bool has_ell = strstr(o, "...") != NULL;
        for (int i = 0; i < sp->out.n; i++) {
            int l = sp->out.lab[i];
            if (sp->size[l] < 0) {
                nd__err(ND_ERR_VALUE, "einstein sum subscripts string included output subscript '%c' which never appeared in an input", l);
                return -1;
            }
            for (int j = 0; j < i && !path; j++)
                if (sp->out.lab[j] == l) {
                    nd__err(ND_ERR_VALUE, "einstein sum subscripts string includes output subscript '%c' multiple times", l);
                    return -1;
                }
        }
        if (!has_ell && ell_max > 0) {
            bool big = false;
            for (int i = 0; i < ell_max; i++) if (sp->size[128 + i] > 1) big = true;
            if (big) {
                nd__err(ND_ERR_VALUE, "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis "
                        "provided to broadcast the extra dimensions.");
                return -1;
            }
        }
    } else { /* implicit: the broadcast dims, then labels seen once, in ASCII order */
        sp->out.n = 0;
        for (int i = 0; i < ell_max; i++) sp->out.lab[sp->out.n++] = 128 + i;
        int count[128] = { 0 };
        for (int k = 0; k < nops; k++) for (int d = 0; d < sp->in[k].n; d++) if (sp->in[k].lab[d] < 128) count[sp->in[k].lab[d]]++;
        for (int l = 0; l < 128; l++) if (count[l] == 1) sp->out.lab[sp->out.n++] = l;
    }
    if (mismatch) return c_size_error(sp, ops);
    return 0;
}

/* ------------------------------------------------------ generic engine */

typedef struct sop_ud { int nin; const nd_dtype_t *dt; } sop_ud;

#define SOP_FLOAT(ctype)                                                               \
    for (int64_t i = 0; i < n; i++) {                                                  \
        ctype prod = *(const ctype *)(p[1] + i * s[1]);                                \
        for (int k = 2; k <= u->nin; k++) prod *= *(const ctype *)(p[k] + i * s[k]);   \
        *(ctype *)(p[0] + i * s[0]) += prod;                                           \
    }
#define SOP_INT(ctype)                                                                 \
    for (int64_t i = 0; i < n; i++) {                                                  \
        uint64_t prod = (uint64_t)(int64_t) * (const ctype *)(p[1] + i * s[1]);        \
        for (int k = 2; k <= u->nin; k++) prod *= (uint64_t)(int64_t) * (const ctype *)(p[k] + i * s[k]); \
        ctype *o = (ctype *)(p[0] + i * s[0]);                                         \
        *o = (ctype)((uint64_t)(int64_t)*o + prod);                                    \
    }
#define SOP_UINT(ctype)                                                                \
    for (int64_t i = 0; i < n; i++) {                                                  \
        uint64_t prod = *(const ctype *)(p[1] + i * s[1]);                             \
        for (int k = 2; k <= u->nin; k++) prod *= *(const ctype *)(p[k] + i * s[k]);   \
        ctype *o = (ctype *)(p[0] + i * s[0]);                                         \
        *o = (ctype)(*o + prod);                                                       \
    }

static int sop_loop(char **p, int64_t n, const int64_t *s, void *ud) {
    const sop_ud *u = ud;
    switch (u->dt->type) {
    case ND_TYPE_FLOAT64: SOP_FLOAT(double) break;
    case ND_TYPE_FLOAT32: SOP_FLOAT(float) break;
    case ND_TYPE_COMPLEX128: SOP_FLOAT(double complex) break;
    case ND_TYPE_COMPLEX64: SOP_FLOAT(float complex) break;
    case ND_TYPE_INT8: SOP_INT(int8_t) break;
    case ND_TYPE_INT16: SOP_INT(int16_t) break;
    case ND_TYPE_INT32: SOP_INT(int32_t) break;
    case ND_TYPE_INT64: SOP_INT(int64_t) break;
    case ND_TYPE_UINT8: SOP_UINT(uint8_t) break;
    case ND_TYPE_UINT16: SOP_UINT(uint16_t) break;
    case ND_TYPE_UINT32: SOP_UINT(uint32_t) break;
    case ND_TYPE_UINT64: SOP_UINT(uint64_t) break;
    case ND_TYPE_BOOL:
        for (int64_t i = 0; i < n; i++) {
            bool prod = *(const bool *)(p[1] + i * s[1]);
            for (int k = 2; k <= u->nin; k++) prod = prod && *(const bool *)(p[k] + i * s[k]);
            *(bool *)(p[0] + i * s[0]) |= prod;
        }
        break;
    case ND_TYPE_FLOAT16:
        for (int64_t i = 0; i < n; i++) {
            float prod = nd__half_to_float(*(const uint16_t *)(p[1] + i * s[1]));
            for (int k = 2; k <= u->nin; k++) prod *= nd__half_to_float(*(const uint16_t *)(p[k] + i * s[k]));
            uint16_t *o = (uint16_t *)(p[0] + i * s[0]);
            *o = nd__float_to_half(nd__half_to_float(*o) + prod);
        }
        break;
    default: return -1;
    }
    return 0;
}

/* out[out_labels] = sum over the other labels of prod ops[k][labels k]; ops share dt. */
static nd_array *generic(int nops, nd_array *const *ops, const term *in, const term *out, const int64_t *size,
                         const nd_dtype_t *dt) {
    int labs[MAXL], nl = 0;
    for (int i = 0; i < out->n; i++) labs[nl++] = out->lab[i];
    for (int k = 0; k < nops; k++)
        for (int d = 0; d < in[k].n; d++) {
            int l = in[k].lab[d], seen = 0;
            for (int j = 0; j < nl; j++) if (labs[j] == l) seen = 1;
            if (!seen) {
                if (nl >= MAXL) return nd__err(ND_ERR_VALUE, "too many subscripts in einsum");
                labs[nl++] = l;
            }
        }
    int64_t oshape[ND_MAXDIMS], shape[MAXL];
    for (int i = 0; i < out->n; i++) oshape[i] = size[out->lab[i]];
    for (int j = 0; j < nl; j++) shape[j] = size[labs[j]];
    nd_array *res = nd__new(dt, out->n, oshape, 'C', true);
    if (!res) return NULL;
    int64_t total = 1;
    for (int j = 0; j < nl; j++) total *= shape[j];
    if (total == 0) return res;
    if (nl > ND_MAXDIMS) { nd_free(res); return nd__err(ND_ERR_VALUE, "too many subscripts in einsum"); }
    static _Thread_local int64_t st[ND_ITER_MAXOP][MAXL];
    char *data[ND_ITER_MAXOP];
    const int64_t *sp[ND_ITER_MAXOP];
    for (int j = 0; j < nl; j++) st[0][j] = j < out->n ? res->strides[j] : 0;
    data[0] = res->data;
    sp[0] = st[0];
    for (int k = 0; k < nops; k++) {
        for (int j = 0; j < nl; j++) {
            int64_t s = 0;
            for (int d = 0; d < in[k].n; d++)
                if (in[k].lab[d] == labs[j] && ops[k]->shape[d] != 1) s += ops[k]->strides[d];
            st[k + 1][j] = s;
        }
        data[k + 1] = ops[k]->data;
        sp[k + 1] = st[k + 1];
    }
    nd__iter *it = nd__malloc(sizeof *it);
    if (!it) { nd_free(res); return nd__nomem(); }
    sop_ud ud = { nops, dt };
    int r = nd__iter_prepare(it, nops + 1, nl, shape, data, sp, false);
    int64_t cnt;
    while (r == 0 && (cnt = nd__iter_next(it)) > 0) r = sop_loop(it->ptr, cnt, it->inner_strides, &ud);
    nd__free(it, sizeof *it);
    if (r < 0) { nd_free(res); return nd__err(ND_ERR_TYPE, "einsum: unsupported dtype %s", dt->name); }
    return res;
}

/* ------------------------------------------------------ greedy path */

typedef uint64_t lset[4]; /* a set of labels 0..255 */
static void ls_clear(lset s) { s[0] = s[1] = s[2] = s[3] = 0; }
static void ls_add(lset s, int l) { s[l >> 6] |= (uint64_t)1 << (l & 63); }
static bool ls_has(const lset s, int l) { return s[l >> 6] >> (l & 63) & 1; }
static void ls_or(lset d, const lset a) { for (int i = 0; i < 4; i++) d[i] |= a[i]; }
static bool ls_disjoint(const lset a, const lset b) { for (int i = 0; i < 4; i++) if (a[i] & b[i]) return false; return true; }
static bool ls_empty(const lset a) { return !(a[0] | a[1] | a[2] | a[3]); }
static double ls_size(const lset s, const int64_t *size) {
    double r = 1;
    for (int l = 0; l < 256; l++) if (ls_has(s, l)) r *= (double)size[l];
    return r;
}

typedef struct cand { double neg_removed, cost; int x, y; lset sets[MAXOPS + 1]; int nsets; } cand;

/* NumPy's _find_contraction: the result set and cost of contracting x, y. */
static void find_contraction(int n, lset *sets, const lset out, int x, int y, lset result, lset removed, lset contract,
                             lset *remaining, int *nrem) {
    lset remain;
    memcpy(remain, out, sizeof(lset));
    ls_clear(contract);
    *nrem = 0;
    for (int i = 0; i < n; i++) {
        if (i == x || i == y) ls_or(contract, sets[i]);
        else { memcpy(remaining[(*nrem)++], sets[i], sizeof(lset)); ls_or(remain, sets[i]); }
    }
    for (int i = 0; i < 4; i++) { result[i] = remain[i] & contract[i]; removed[i] = contract[i] & ~result[i]; }
    memcpy(remaining[(*nrem)++], result, sizeof(lset));
}

static double flops(const lset contract, const lset removed, int nterms, const int64_t *size) {
    double f = nterms - 1 > 1 ? nterms - 1 : 1;
    if (!ls_empty(removed)) f += 1;
    return ls_size(contract, size) * f;
}

/* The greedy path as NumPy computes it; path[i] = {x, y} or {-1, -1} for "all the
 * rest at once".  Returns the number of steps. */
static int greedy(const spec *sp, int (*path)[2]) {
    int n = sp->nops;
    if (n == 1) { path[0][0] = 0; path[0][1] = -2; return 1; }
    lset sets[MAXOPS + 1], out, all;
    ls_clear(out);
    ls_clear(all);
    for (int i = 0; i < sp->out.n; i++) ls_add(out, sp->out.lab[i]);
    double max_size = ls_size(out, sp->size);
    for (int k = 0; k < n; k++) {
        ls_clear(sets[k]);
        for (int d = 0; d < sp->in[k].n; d++) ls_add(sets[k], sp->in[k].lab[d]);
        ls_or(all, sets[k]);
        double s = ls_size(sets[k], sp->size);
        if (s > max_size) max_size = s;
    }
    bool same = true;
    for (int i = 0; i < 4; i++) if (all[i] != out[i]) same = false;
    if (n == 2 || same) { path[0][0] = 0; path[0][1] = n == 2 ? 1 : -1; return 1; }
    lset result, removed, contract, rem[MAXOPS + 1];
    int nrem;
    /* naive cost: everything at once */
    {
        lset c2;
        ls_clear(c2);
        lset r2;
        memcpy(r2, out, sizeof r2);
        for (int i = 0; i < n; i++) ls_or(c2, sets[i]);
        for (int i = 0; i < 4; i++) { result[i] = r2[i] & c2[i]; removed[i] = c2[i] & ~result[i]; }
        (void)contract;
    }
    lset c_all;
    ls_clear(c_all);
    for (int i = 0; i < n; i++) ls_or(c_all, sets[i]);
    double naive = flops(c_all, removed, n, sp->size);
    static _Thread_local cand known[MAXOPS * MAXOPS];
    int nk = 0, steps = 0, cur = n;
    double path_cost = 0;
    int newpos = -1; /* -1: all pairs; else pairs (i, newpos) */
    for (int iter = 0; iter < n - 1; iter++) {
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && nk > 0) break;
            for (int x = 0; x < cur; x++)
                for (int y = x + 1; y < cur; y++) {
                    if (pass == 0 && newpos >= 0 && y != newpos) continue;
                    if (pass == 0 && ls_disjoint(sets[x], sets[y])) continue;
                    find_contraction(cur, sets, out, x, y, result, removed, contract, rem, &nrem);
                    double nsz = ls_size(result, sp->size);
                    if (nsz > max_size) continue;
                    double removed_size = ls_size(sets[x], sp->size) + ls_size(sets[y], sp->size) - nsz;
                    double cost = flops(contract, removed, 2, sp->size);
                    if (path_cost + cost > naive) continue;
                    cand *c = &known[nk++];
                    c->neg_removed = -removed_size;
                    c->cost = cost;
                    c->x = x;
                    c->y = y;
                    c->nsets = nrem;
                    memcpy(c->sets, rem, sizeof(lset) * (size_t)nrem);
                }
            if (pass == 0 && nk == 0) newpos = -1; /* rescan with outer products */
        }
        if (nk == 0) { path[steps][0] = 0; path[steps][1] = -1; steps++; break; }
        int b = 0;
        for (int i = 1; i < nk; i++)
            if (known[i].neg_removed < known[b].neg_removed ||
                (known[i].neg_removed == known[b].neg_removed && known[i].cost < known[b].cost))
                b = i;
        cand best = known[b];
        /* keep the other candidates, renumbered (NumPy's _update_other_results) */
        int bx = best.x, by = best.y, m = 0;
        for (int i = 0; i < nk; i++) {
            cand c = known[i];
            if (c.x == bx || c.x == by || c.y == bx || c.y == by) continue;
            int x = c.x, y = c.y;
            int d1 = by - (by > x) - (by > y), d2 = bx - (bx > x) - (bx > y);
            for (int j = d1; j < c.nsets - 1; j++) memcpy(c.sets[j], c.sets[j + 1], sizeof(lset));
            c.nsets--;
            for (int j = d2; j < c.nsets - 1; j++) memcpy(c.sets[j], c.sets[j + 1], sizeof(lset));
            c.nsets--;
            /* insert best's result before the last */
            memcpy(c.sets[c.nsets], c.sets[c.nsets - 1], sizeof(lset));
            memcpy(c.sets[c.nsets - 1], best.sets[best.nsets - 1], sizeof(lset));
            c.nsets++;
            c.x = x - (x > bx) - (x > by);
            c.y = y - (y > bx) - (y > by);
            known[m++] = c;
        }
        nk = m;
        cur = best.nsets;
        memcpy(sets, best.sets, sizeof(lset) * (size_t)cur);
        newpos = cur - 1;
        path[steps][0] = bx;
        path[steps][1] = by;
        steps++;
        path_cost += best.cost;
    }
    return steps;
}

/* ------------------------------------------------------ pairwise */

/* Reduce one operand: take diagonals of repeated labels and sum labels not in keep. */
static nd_array *reduce_one(nd_array *op, term *t, const lset keep, const int64_t *size) {
    term o = { 0 };
    bool need = false;
    for (int d = 0; d < t->n; d++) {
        int l = t->lab[d], dup = 0;
        for (int j = 0; j < o.n; j++) if (o.lab[j] == l) dup = 1;
        if (dup) { need = true; continue; }
        if (!ls_has(keep, l)) { need = true; continue; }
        o.lab[o.n++] = l;
    }
    if (!need) return nd_ref(op);
    nd_array *r = generic(1, &op, t, &o, size, op->dtype);
    if (r) *t = o;
    return r;
}

/* Contract two operands through one (batched) matmul: a [batch, M, K] @ b [batch, K, N]. */
static nd_array *contract_pair(nd_array *a, term *ta, nd_array *b, term *tb, const lset keep, const int64_t *size,
                               term *tr) {
    int bl[MAXL], ml[MAXL], kl[MAXL], nlab[MAXL], nb = 0, nm = 0, nk = 0, nn = 0;
    for (int i = 0; i < ta->n; i++) {
        int l = ta->lab[i], inb = 0;
        for (int j = 0; j < tb->n; j++) if (tb->lab[j] == l) inb = 1;
        if (inb) { if (ls_has(keep, l)) bl[nb++] = l; else kl[nk++] = l; }
        else ml[nm++] = l;
    }
    for (int j = 0; j < tb->n; j++) {
        int l = tb->lab[j], ina = 0;
        for (int i = 0; i < ta->n; i++) if (ta->lab[i] == l) ina = 1;
        if (!ina) nlab[nn++] = l;
    }
    int pa[ND_MAXDIMS], pb[ND_MAXDIMS], q = 0;
    int64_t sa[ND_MAXDIMS], sb[ND_MAXDIMS];
#define POS(t, l) ({ int p_ = -1; for (int z_ = 0; z_ < (t)->n; z_++) if ((t)->lab[z_] == (l)) p_ = z_; p_; })
    for (int i = 0; i < nb; i++) pa[q++] = POS(ta, bl[i]);
    for (int i = 0; i < nm; i++) pa[q++] = POS(ta, ml[i]);
    for (int i = 0; i < nk; i++) pa[q++] = POS(ta, kl[i]);
    q = 0;
    for (int i = 0; i < nb; i++) pb[q++] = POS(tb, bl[i]);
    for (int i = 0; i < nk; i++) pb[q++] = POS(tb, kl[i]);
    for (int i = 0; i < nn; i++) pb[q++] = POS(tb, nlab[i]);
#undef POS
    int64_t B = 1, M = 1, K = 1, N = 1;
    for (int i = 0; i < nb; i++) B *= size[bl[i]];
    for (int i = 0; i < nm; i++) M *= size[ml[i]];
    for (int i = 0; i < nk; i++) K *= size[kl[i]];
    for (int i = 0; i < nn; i++) N *= size[nlab[i]];
    /* broadcast shared labels to their full size (size-1 operands of '...') */
    for (int i = 0; i < ta->n; i++) sa[i] = a->shape[i];
    for (int i = 0; i < tb->n; i++) sb[i] = b->shape[i];
    for (int i = 0; i < nb + nk; i++) {
        int l = i < nb ? bl[i] : kl[i - nb];
        (void)l;
    }
    for (int i = 0; i < ta->n; i++) sa[i] = size[ta->lab[i]];
    for (int i = 0; i < tb->n; i++) sb[i] = size[tb->lab[i]];
    nd_array *ab = nd_broadcast_to(a, (nd_shape_t){ ta->n, sa }), *bb = ab ? nd_broadcast_to(b, (nd_shape_t){ tb->n, sb }) : NULL;
    nd_array *at = bb ? nd_transpose(ab, pa) : NULL, *bt = at ? nd_transpose(bb, pb) : NULL;
    nd_array *a3 = bt ? nd_reshape_ex(at, (nd_shape_t){ 3, (int64_t[]){ B, M, K } }, 'C') : NULL;
    nd_array *b3 = a3 ? nd_reshape_ex(bt, (nd_shape_t){ 3, (int64_t[]){ B, K, N } }, 'C') : NULL;
    nd_array *c3 = b3 ? nd_matmul_ex(a3, b3, NULL) : NULL, *res = NULL;
    if (c3) {
        int64_t rs[ND_MAXDIMS];
        tr->n = 0;
        for (int i = 0; i < nb; i++) { tr->lab[tr->n] = bl[i]; rs[tr->n++] = size[bl[i]]; }
        for (int i = 0; i < nm; i++) { tr->lab[tr->n] = ml[i]; rs[tr->n++] = size[ml[i]]; }
        for (int i = 0; i < nn; i++) { tr->lab[tr->n] = nlab[i]; rs[tr->n++] = size[nlab[i]]; }
        res = nd_reshape_ex(c3, (nd_shape_t){ tr->n, rs }, 'C');
    }
    nd_free(ab); nd_free(bb); nd_free(at); nd_free(bt); nd_free(a3); nd_free(b3); nd_free(c3);
    return res;
}

/* ------------------------------------------------------ entry points */

static const char *casting_name(nd_casting c) {
    switch (c) {
    case ND_CASTING_NO: return "no";
    case ND_CASTING_EQUIV: return "equiv";
    case ND_CASTING_SAME_KIND: return "same_kind";
    case ND_CASTING_UNSAFE: return "unsafe";
    default: return "safe";
    }
}

static const nd_dtype_t *common_dtype(int n, const nd_array *const *ops) {
    const nd_dtype_t *d[MAXOPS];
    for (int i = 0; i < n; i++) {
        if (!ops[i]) return nd__err(ND_ERR_VALUE, "einsum: NULL operand");
        if (!nd__is_numeric(ops[i]->dtype)) return nd__err(ND_ERR_TYPE, "einsum: unsupported dtype %s", ops[i]->dtype->name);
        d[i] = ops[i]->dtype;
    }
    return nd_result_type(n, d);
}

nd_array *nd_einsum_ex(const char *subscripts, int n, const nd_array *const *ops, const nd_einsum_opts *o) {
    if (!subscripts || n < 1 || !ops) return nd__err(ND_ERR_VALUE, "No input operands");
    if (n > MAXOPS) return nd__err(ND_ERR_VALUE, "too many operands for einsum (at most %d)", MAXOPS);
    const nd_dtype_t *dt = common_dtype(n, ops);
    if (!dt) return NULL;
    nd_casting casting = o && o->casting ? o->casting : ND_CASTING_SAFE;
    if (o && o->dtype) {
        dt = o->dtype;
        for (int i = 0; i < n; i++)
            if (!nd_can_cast(ops[i]->dtype, dt, casting))
                return nd__err(ND_ERR_TYPE, "Iterator operand %d dtype could not be cast from dtype('%s') to dtype('%s') "
                               "according to the rule '%s'", i, ops[i]->dtype->name, dt->name, casting_name(casting));
    }
    static _Thread_local spec sp;
    if (parse(subscripts, n, ops, &sp, o && o->optimize == ND_EINSUM_GREEDY, false) < 0) return NULL;
    nd_array *out = o ? o->out : NULL;
    if (out) {
        if (out->ndim != sp.out.n)
            return nd__err(ND_ERR_VALUE, "out parameter does not have the correct number of dimensions, has %d but should "
                           "have %d", out->ndim, sp.out.n);
        for (int i = 0; i < sp.out.n; i++)
            if (out->shape[i] != sp.size[sp.out.lab[i]]) /* NumPy words this through its iterator */
                return nd__err(ND_ERR_VALUE, "out parameter has size %lld in dimension %d but the result has %lld",
                               (long long)out->shape[i], i, (long long)sp.size[sp.out.lab[i]]);
        if (!nd_can_cast(dt, out->dtype, casting))
            return nd__err(ND_ERR_TYPE, "Iterator requested dtype could not be cast from dtype('%s') to dtype('%s'), the "
                           "operand %d dtype, according to the rule '%s'", dt->name, out->dtype->name, n,
                           casting_name(casting));
        if (!(out->flags & ND_WRITEABLE)) return nd__err(ND_ERR_VALUE, "output array is read-only");
    }
    nd_array *cur[MAXOPS] = { 0 };
    term t[MAXOPS];
    for (int i = 0; i < n; i++) {
        cur[i] = nd_astype_ex(ops[i], dt, &(nd_astype_opts){ .no_copy = true });
        if (!cur[i]) { for (int j = 0; j < i; j++) nd_free(cur[j]); return NULL; }
        t[i] = sp.in[i];
    }
    nd_einsum_optimize opt = o ? o->optimize : ND_EINSUM_AUTO;
    nd_array *res = NULL;
    int live = n;
    if (opt != ND_EINSUM_NONE && n >= 2) {
        int path[MAXOPS + 1][2];
        int steps = greedy(&sp, path);
        for (int s = 0; s < steps && live > 1; s++) {
            if (path[s][1] < 0) break; /* the rest in one generic pass */
            int x = path[s][0], y = path[s][1];
            /* labels needed later: the output and every other operand */
            lset keep;
            ls_clear(keep);
            for (int i = 0; i < sp.out.n; i++) ls_add(keep, sp.out.lab[i]);
            for (int i = 0; i < live; i++)
                if (i != x && i != y) for (int d = 0; d < t[i].n; d++) ls_add(keep, t[i].lab[d]);
            lset keepx, keepy;
            memcpy(keepx, keep, sizeof keep);
            memcpy(keepy, keep, sizeof keep);
            for (int d = 0; d < t[y].n; d++) ls_add(keepx, t[y].lab[d]);
            for (int d = 0; d < t[x].n; d++) ls_add(keepy, t[x].lab[d]);
            nd_array *rx = reduce_one(cur[x], &t[x], keepx, sp.size);
            nd_array *ry = rx ? reduce_one(cur[y], &t[y], keepy, sp.size) : NULL;
            term tr;
            nd_array *c = ry ? contract_pair(rx, &t[x], ry, &t[y], keep, sp.size, &tr) : NULL;
            nd_free(rx);
            nd_free(ry);
            if (!c) goto done;
            nd_free(cur[x]);
            nd_free(cur[y]);
            /* remove x and y, append the result (NumPy's operand order) */
            int m = 0;
            for (int i = 0; i < live; i++)
                if (i != x && i != y) { cur[m] = cur[i]; t[m] = t[i]; m++; }
            cur[m] = c;
            t[m] = tr;
            live = m + 1;
            for (int i = live; i < n; i++) cur[i] = NULL;
        }
    }
    if (live == 1 && live < n && t[0].n == sp.out.n && !memcmp(t[0].lab, sp.out.lab, sizeof(int) * (size_t)sp.out.n)) {
        res = cur[0]; /* the last contraction made the result in order: no copy */
        cur[0] = NULL;
    } else {
        res = generic(live, cur, t, &sp.out, sp.size, dt);
    }
done:
    for (int i = 0; i < n; i++) nd_free(cur[i]);
    if (res && out) { /* checked above; the cast itself is unsafe-free */
        int rc = nd_copyto(out, res, ND_CASTING_UNSAFE);
        nd_free(res);
        return rc < 0 ? NULL : out;
    }
    return res;
}

/* ------------------------------------------------------ einsum_path */

/* A growable text buffer for the report. */
typedef struct { char *p; size_t n, cap; bool bad; } sbuf;
static void sb_printf(sbuf *b, const char *fmt, ...) {
    if (b->bad) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0) { b->bad = true; return; }
    if (b->n + (size_t)k + 1 > b->cap) {
        size_t nc = (b->n + (size_t)k + 1) * 2;
        char *q = nd__alloc(nc);
        if (!q) { b->bad = true; return; }
        if (b->p) { memcpy(q, b->p, b->n + 1); nd__dealloc(b->p); }
        b->p = q;
        b->cap = nc;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, b->cap - b->n, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

static int ls_count(const lset s) {
    int c = 0;
    for (int i = 0; i < 4; i++) c += __builtin_popcountll(s[i]);
    return c;
}

/* NumPy's _flop_count: size of the contracted labels times the terms' factor. */
static double flop_count(const lset contract, bool inner, int nterms, const int64_t *size) {
    return ls_size(contract, size) * ((nterms - 1 > 1 ? nterms - 1 : 1) + (inner ? 1 : 0));
}

/* The report NumPy's einsum_path prints (its second result).  Broadcast ('...')
 * dimensions are written with unused letters, in alphabetical order (NumPy picks them
 * in Python's set order, which varies between runs). */
static char *path_report(const spec *sp, int (*path)[2], int steps) {
    static const char symbols[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    char lc[256] = { 0 };
    bool used[128] = { false };
    for (int k = 0; k < sp->nops; k++)
        for (int d = 0; d < sp->in[k].n; d++) if (sp->in[k].lab[d] < 128) used[sp->in[k].lab[d]] = true;
    for (int l = 0; l < 128; l++) lc[l] = (char)l;
    for (int l = 128, j = 0; l < 256; l++) {
        while (symbols[j] && used[(int)symbols[j]]) j++;
        lc[l] = symbols[j] ? symbols[j++] : '?';
    }
    int n = sp->nops;
    char terms[MAXOPS + 1][ND_MAXDIMS + 1], outs[ND_MAXDIMS + 1];
    lset sets[MAXOPS + 1], out, all;
    ls_clear(out);
    ls_clear(all);
    int sum_sizes = 0;
    for (int k = 0; k < n; k++) {
        ls_clear(sets[k]);
        for (int d = 0; d < sp->in[k].n; d++) { terms[k][d] = lc[sp->in[k].lab[d]]; ls_add(sets[k], sp->in[k].lab[d]); }
        terms[k][sp->in[k].n] = 0;
        ls_or(all, sets[k]);
        sum_sizes += ls_count(sets[k]);
    }
    for (int d = 0; d < sp->out.n; d++) { outs[d] = lc[sp->out.lab[d]]; ls_add(out, sp->out.lab[d]); }
    outs[sp->out.n] = 0;
    double naive = flop_count(all, sum_sizes - ls_count(all) > 0, n, sp->size);
    /* replay the path as NumPy does, recording each contraction's line */
    sbuf rows = { 0 }, b = { 0 };
    double opt = 1, max_i = 0;
    int max_scale = 0, cur = n;
    for (int s = 0; s < steps; s++) {
        int pos[MAXOPS + 1], np = 0;
        if (path[s][1] == -2) pos[np++] = 0;
        else if (path[s][1] == -1) for (int i = cur - 1; i >= 0; i--) pos[np++] = i;
        else { pos[np++] = path[s][1] > path[s][0] ? path[s][1] : path[s][0]; pos[np++] = path[s][1] > path[s][0] ? path[s][0] : path[s][1]; }
        lset contract, remain, result, removed;
        ls_clear(contract);
        memcpy(remain, out, sizeof(lset));
        for (int i = 0; i < cur; i++) {
            bool in = false;
            for (int j = 0; j < np; j++) in = in || pos[j] == i;
            if (in) ls_or(contract, sets[i]); else ls_or(remain, sets[i]);
        }
        for (int i = 0; i < 4; i++) { result[i] = remain[i] & contract[i]; removed[i] = contract[i] & ~result[i]; }
        opt += flop_count(contract, !ls_empty(removed), np, sp->size);
        int scale = ls_count(contract);
        if (scale > max_scale) max_scale = scale;
        double rsize = ls_size(result, sp->size);
        if (rsize > max_i) max_i = rsize;
        /* the contracted terms, popped from the right */
        char cstr[(MAXOPS + 1) * (ND_MAXDIMS + 2) + ND_MAXDIMS + 4], rstr[ND_MAXDIMS + 1];
        size_t k = 0;
        for (int j = 0; j < np; j++) k += (size_t)sprintf(cstr + k, j ? ",%s" : "%s", terms[pos[j]]);
        if (s == steps - 1) {
            strcpy(rstr, outs);
        } else { /* NumPy sorts the new term's labels by (size, letter) */
            int rl[256], nr = 0;
            for (int l = 0; l < 256; l++) if (ls_has(result, l)) rl[nr++] = l;
            for (int i = 1; i < nr; i++)
                for (int j = i; j > 0; j--) {
                    int x = rl[j - 1], y = rl[j];
                    if (sp->size[x] > sp->size[y] || (sp->size[x] == sp->size[y] && lc[x] > lc[y])) { rl[j - 1] = y; rl[j] = x; }
                }
            for (int i = 0; i < nr; i++) rstr[i] = lc[rl[i]];
            rstr[nr] = 0;
        }
        sprintf(cstr + k, "->%s", rstr);
        /* remove the contracted terms, append the new one */
        int m = 0;
        for (int i = 0; i < cur; i++) {
            bool in = false;
            for (int j = 0; j < np; j++) in = in || pos[j] == i;
            if (in) continue;
            if (m != i) {
                strcpy(terms[m], terms[i]);
                memcpy(sets[m], sets[i], sizeof(lset));
            }
            m++;
        }
        strcpy(terms[m], rstr);
        memcpy(sets[m], result, sizeof(lset));
        cur = m + 1;
        char rem[(MAXOPS + 1) * (ND_MAXDIMS + 2) + ND_MAXDIMS + 4];
        k = 0;
        for (int i = 0; i < cur; i++) k += (size_t)sprintf(rem + k, i ? ",%s" : "%s", terms[i]);
        sprintf(rem + k, "->%s", outs);
        sb_printf(&rows, "\n%4d    %24s %40s", scale, cstr, rem);
    }
    sb_printf(&b, "  Complete contraction:  ");
    for (int k = 0; k < n; k++) {
        /* the input terms as written (repeats kept), '...' already spelled out */
        char t[ND_MAXDIMS + 1];
        for (int d = 0; d < sp->in[k].n; d++) t[d] = lc[sp->in[k].lab[d]];
        t[sp->in[k].n] = 0;
        sb_printf(&b, k ? ",%s" : "%s", t);
    }
    sb_printf(&b, "->%s\n", outs);
    sb_printf(&b, "         Naive scaling:  %d\n", ls_count(all));
    sb_printf(&b, "     Optimized scaling:  %d\n", max_scale);
    sb_printf(&b, "      Naive FLOP count:  %.3e\n", naive);
    sb_printf(&b, "  Optimized FLOP count:  %.3e\n", opt);
    sb_printf(&b, "   Theoretical speedup:  %3.3f\n", naive / opt);
    sb_printf(&b, "  Largest intermediate:  %.3e elements\n", max_i);
    sb_printf(&b, "%s\n%6s %24s %40s\n%s", "--------------------------------------------------------------------------",
              "scaling", "current", "remaining", "--------------------------------------------------------------------------");
    sb_printf(&b, "%s", rows.p ? rows.p : "");
    if (rows.p) nd__dealloc(rows.p);
    if (b.bad || rows.bad) {
        if (b.p) nd__dealloc(b.p);
        return nd__nomem();
    }
    return b.p;
}

char *nd_einsum_path_ex(const char *subscripts, int n, const nd_array *const *ops, const nd_einsum_path_opts *o) {
    if (o && o->report) *o->report = NULL;
    if (!subscripts || n < 1 || !ops) return nd__err(ND_ERR_VALUE, "No input operands");
    if (n > MAXOPS) return nd__err(ND_ERR_VALUE, "too many operands for einsum (at most %d)", MAXOPS);
    for (int i = 0; i < n; i++) if (!ops[i]) return nd__err(ND_ERR_VALUE, "einsum: NULL operand");
    static _Thread_local spec sp;
    if (parse(subscripts, n, ops, &sp, true, true) < 0) return NULL;
    int path[MAXOPS + 1][2];
    int steps;
    if (o && o->optimize == ND_EINSUM_NONE) { /* optimize=False: everything at once */
        steps = 1;
        path[0][0] = 0;
        path[0][1] = n == 1 ? -2 : n == 2 ? 1 : -1;
    } else {
        steps = greedy(&sp, path);
    }
    char *s = nd__alloc(32 + (size_t)steps * 64 + (size_t)n * 8);
    if (!s) return nd__nomem();
    size_t k = (size_t)sprintf(s, "['einsum_path'");
    for (int i = 0; i < steps; i++) {
        if (path[i][1] == -2) k += (size_t)sprintf(s + k, ", (0,)");
        else if (path[i][1] == -1) { /* all remaining operands */
            int rest = n - i;
            k += (size_t)sprintf(s + k, ", (");
            for (int j = 0; j < rest; j++) k += (size_t)sprintf(s + k, j ? ", %d" : "%d", j);
            k += (size_t)sprintf(s + k, rest == 1 ? ",)" : ")");
        } else {
            k += (size_t)sprintf(s + k, ", (%d, %d)", path[i][0], path[i][1]);
        }
    }
    sprintf(s + k, "]");
    if (o && o->report) {
        *o->report = path_report(&sp, path, steps);
        if (!*o->report) { nd__dealloc(s); return NULL; }
    }
    return s;
}

char *nd_einsum_path(const char *subscripts, int n, const nd_array *const *ops) {
    return nd_einsum_path_ex(subscripts, n, ops, NULL);
}
