/* repr/str of arrays and scalars (spec printing.md sections 2 to 8; NumPy 2.x by
 * default, 1.x under legacy "1.25").  Printing walks the displayed part of the array
 * recursively, as NumPy's layout does: once to build one element formatter from
 * every displayed value, once to lay the text out. */
#include "print/print_priv.h"

#include <math.h>
#include <stdlib.h>

/* ------------------------------------------------------------ elements */

/* One element read into C values. */
typedef struct elem {
    nd_type t;
    bool b;
    int64_t i;
    uint64_t u;
    double re, im;
} elem;

static bool is_signed_t(nd_type t) { return t >= ND_TYPE_INT8 && t <= ND_TYPE_INT64; }
static bool is_unsigned_t(nd_type t) { return t >= ND_TYPE_UINT8 && t <= ND_TYPE_UINT64; }
static bool is_float_t(nd_type t) { return t >= ND_TYPE_FLOAT16 && t <= ND_TYPE_FLOAT64; }
static bool is_complex_t(nd_type t) { return t == ND_TYPE_COMPLEX64 || t == ND_TYPE_COMPLEX128; }

static nd__fkind fkind_of(nd_type t) {
    return t == ND_TYPE_FLOAT16 ? ND__F16 : (t == ND_TYPE_FLOAT32 || t == ND_TYPE_COMPLEX64) ? ND__F32 : ND__F64;
}

static elem read_elem(nd_type t, const char *p) {
    elem e = { .t = t };
    switch (t) {
    case ND_TYPE_BOOL: e.b = *(const uint8_t *)p != 0; break;
#define RD(T, ctype, field) case T: { ctype v; memcpy(&v, p, sizeof v); e.field = v; break; }
    RD(ND_TYPE_INT8, int8_t, i) RD(ND_TYPE_INT16, int16_t, i) RD(ND_TYPE_INT32, int32_t, i)
    RD(ND_TYPE_INT64, int64_t, i) RD(ND_TYPE_UINT8, uint8_t, u) RD(ND_TYPE_UINT16, uint16_t, u)
    RD(ND_TYPE_UINT32, uint32_t, u) RD(ND_TYPE_UINT64, uint64_t, u)
    RD(ND_TYPE_FLOAT32, float, re) RD(ND_TYPE_FLOAT64, double, re)
#undef RD
    case ND_TYPE_FLOAT16: { uint16_t h; memcpy(&h, p, 2); e.re = nd__half_to_double(h); break; }
    case ND_TYPE_COMPLEX64: { float c[2]; memcpy(c, p, sizeof c); e.re = c[0]; e.im = c[1]; break; }
    case ND_TYPE_COMPLEX128: { double c[2]; memcpy(c, p, sizeof c); e.re = c[0]; e.im = c[1]; break; }
    default: break;
    }
    return e;
}

/* Code points of UTF-8 text (Python's len of the same str). */
static int64_t u8len(const char *s, size_t n) {
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static void put_u8(nd__sb *sb, uint32_t c) {
    char b[4];
    int n;
    if (c < 0x80) { b[0] = (char)c; n = 1; }
    else if (c < 0x800) { b[0] = (char)(0xC0 | c >> 6); b[1] = (char)(0x80 | (c & 63)); n = 2; }
    else if (c < 0x10000) { b[0] = (char)(0xE0 | c >> 12); b[1] = (char)(0x80 | ((c >> 6) & 63));
                            b[2] = (char)(0x80 | (c & 63)); n = 3; }
    else { b[0] = (char)(0xF0 | c >> 18); b[1] = (char)(0x80 | ((c >> 12) & 63));
           b[2] = (char)(0x80 | ((c >> 6) & 63)); b[3] = (char)(0x80 | (c & 63)); n = 4; }
    nd__sb_putn(sb, b, (size_t)n);
}

/* Python's str.isprintable for a non-ASCII code point, without the Unicode tables:
 * controls, separators, format characters, surrogates, private use and
 * non-characters are not printable; everything else is taken as printable. */
static bool printable_u(uint32_t c) {
    if (c < 0xA1 || c == 0xAD || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
        (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
        (c >= 0xD800 && c <= 0xF8FF) || c == 0xFEFF || (c & 0xFFFE) == 0xFFFE || c > 0x10FFFF ||
        (c >= 0xE0000 && c <= 0xE0FFF) || c >= 0xF0000)
        return false;
    return true;
}

/* repr of a str (U: code points) or bytes (S) element, NUL padding dropped. */
static void put_string_repr(nd__sb *sb, nd_type t, const char *p, int64_t itemsize, bool quoted) {
    bool u = t == ND_TYPE_STR;
    int64_t n = u ? itemsize / 4 : itemsize;
#define AT(k) (u ? (memcpy(&c_, p + 4 * (k), 4), c_) : (uint32_t)(unsigned char)p[k])
    uint32_t c_;
    while (n > 0 && AT(n - 1) == 0) n--;
    if (!quoted) { /* str(): the text itself (bytes show their repr) */
        if (u) { for (int64_t k = 0; k < n; k++) put_u8(sb, AT(k)); return; }
        quoted = true;
    }
    bool sq = false, dq = false;
    for (int64_t k = 0; k < n; k++) { uint32_t c = AT(k); sq |= c == '\''; dq |= c == '"'; }
    char q = (sq && !dq) ? '"' : '\'';
    if (!u) nd__sb_putc(sb, 'b');
    nd__sb_putc(sb, q);
    for (int64_t k = 0; k < n; k++) {
        uint32_t c = AT(k);
        if (c == (uint32_t)q || c == '\\') { nd__sb_putc(sb, '\\'); nd__sb_putc(sb, (char)c); }
        else if (c == '\t') nd__sb_puts(sb, "\\t");
        else if (c == '\n') nd__sb_puts(sb, "\\n");
        else if (c == '\r') nd__sb_puts(sb, "\\r");
        else if (c < 0x20 || c == 0x7F || (!u && c > 0x7F)) nd__sb_printf(sb, "\\x%02x", (unsigned)c);
        else if (c < 0x7F) nd__sb_putc(sb, (char)c);
        else if (printable_u(c)) put_u8(sb, c);
        else if (c <= 0xFF) nd__sb_printf(sb, "\\x%02x", (unsigned)c);
        else if (c <= 0xFFFF) nd__sb_printf(sb, "\\u%04x", (unsigned)c);
        else nd__sb_printf(sb, "\\U%08x", (unsigned)c);
    }
#undef AT
    nd__sb_putc(sb, q);
}

/* ------------------------------------------------------------ scalars (section 8) */

/* str of one float of a scalar: positional between 1e-4 and the type's limit. */
static void scalar_float(nd__sb *out, nd__sb *scratch, double x, nd__fkind k, char trim_pos,
                         bool plus, int legacy) {
    if (isnan(x)) { nd__sb_puts(out, plus ? "+nan" : "nan"); return; }
    if (isinf(x)) { nd__sb_puts(out, x < 0 ? "-inf" : plus ? "+inf" : "inf"); return; }
    double maxpos = legacy <= 202 ? 1e16 : k == ND__F16 ? 1e3 : k == ND__F32 ? 1e6 : 1e16;
    double ax = fabs(x);
    nd__fopts o = { .precision = -1, .min_digits = -1, .unique = true, .plus = plus,
                    .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
    if (x == 0 || (ax < maxpos && ax >= 1e-4)) {
        o.trim = trim_pos;
        nd__format_positional(out, scratch, x, k, &o);
    } else {
        o.trim = '-';
        nd__format_scientific(out, scratch, x, k, &o);
    }
}

static const char *type_name(nd_type t) {
    static const char *const names[] = { "bool", "int8", "int16", "int32", "int64", "uint8",
        "uint16", "uint32", "uint64", "float16", "float32", "float64", "complex64", "complex128" };
    return t < (nd_type)(sizeof names / sizeof *names) ? names[t] : "void";
}

/* str (repr=false) or repr of a numeric scalar. */
static void scalar_text(nd__sb *out, nd__sb *scratch, const elem *e, bool repr, int legacy) {
    bool typed = repr && legacy > 125; /* NEP 51 reprs */
    if (e->t == ND_TYPE_BOOL) {
        nd__sb_puts(out, typed ? (e->b ? "np.True_" : "np.False_") : (e->b ? "True" : "False"));
        return;
    }
    if (typed) nd__sb_printf(out, "np.%s(", type_name(e->t));
    if (is_signed_t(e->t)) nd__sb_printf(out, "%lld", (long long)e->i);
    else if (is_unsigned_t(e->t)) nd__sb_printf(out, "%llu", (unsigned long long)e->u);
    else if (is_float_t(e->t)) scalar_float(out, scratch, e->re, fkind_of(e->t), '0', false, legacy);
    else if (is_complex_t(e->t)) {
        nd__fkind k = fkind_of(e->t);
        bool paren = !typed;
        if (e->re == 0 && !signbit(e->re)) {
            scalar_float(out, scratch, e->im, k, '-', false, legacy);
        } else {
            if (paren) nd__sb_putc(out, '(');
            scalar_float(out, scratch, e->re, k, '-', false, legacy);
            scalar_float(out, scratch, e->im, k, '-', true, legacy);
        }
        nd__sb_putc(out, 'j');
        if (paren && !(e->re == 0 && !signbit(e->re))) nd__sb_putc(out, ')');
    }
    if (typed) nd__sb_putc(out, ')');
}

static char *value_text(nd_value v, bool repr) {
    if (!v.dtype || !nd__is_numeric(v.dtype)) return nd__err(ND_ERR_TYPE, "not a numeric scalar");
    elem e = { .t = v.dtype->type };
    if (e.t == ND_TYPE_BOOL) e.b = v.v.b;
    else if (is_signed_t(e.t)) e.i = v.v.i;
    else if (is_unsigned_t(e.t)) e.u = v.v.u;
    else if (is_float_t(e.t)) e.re = v.v.f;
    else { e.re = v.v.c.re; e.im = v.v.c.im; }
    /* a typed float16/float32 holds a value of its type; round a stray double */
    if (e.t == ND_TYPE_FLOAT32 || e.t == ND_TYPE_COMPLEX64) { e.re = (float)e.re; e.im = (float)e.im; }
    if (e.t == ND_TYPE_FLOAT16) e.re = nd__half_to_double(nd__double_to_half(e.re));
    nd__sb out = {0}, scratch = {0};
    scalar_text(&out, &scratch, &e, repr, nd__legacy_code(nd__printoptions()->legacy));
    nd__sb_free(&scratch);
    return nd__sb_finish(&out);
}

char *nd_value_repr(nd_value v) { return value_text(v, true); }
char *nd_value_str(nd_value v) { return value_text(v, false); }

/* ------------------------------------------------------------ float formatter (6) */

typedef struct ffmt {
    nd__fkind kind;
    bool sci;
    nd__fopts o;
    int pad_left, pad_right;
    char sign;
    const nd_printoptions *po;
} ffmt;

/* A float64 constant as the element type holds it (NEP 50 comparisons of 2.x). */
static double in_kind(double c, nd__fkind k) {
    return k == ND__F64 ? c : k == ND__F32 ? (double)(float)c : nd__half_to_double(nd__double_to_half(c));
}

/* Build the formatter from the displayed values (spec 6.2 to 6.5). */
static int ffmt_build(ffmt *f, const double *v, const nd__fdig *dig, int64_t n, nd__fkind kind,
                      char sign, const nd_printoptions *po, int legacy, nd__sb *scratch, nd__sb *tmp) {
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->sign = sign;
    f->po = po;
    double mx = 0, mn = INFINITY;
    bool any_nz = false, any_fin = false, any_nonfin = false, neg_fin = false, neg_inf = false;
    for (int64_t k = 0; k < n; k++) {
        double x = v[k];
        if (!isfinite(x)) { any_nonfin = true; if (isinf(x) && x < 0) neg_inf = true; continue; }
        any_fin = true;
        if (signbit(x)) neg_fin = true;
        if (x != 0) { any_nz = true; double a = fabs(x); if (a > mx) mx = a; if (a < mn) mn = a; }
    }
    if (any_nz) {
        double cutoff = 1e8, small = 1e-4;
        if (legacy > 125) small = in_kind(1e-4, kind);
        if (legacy > 202) cutoff = kind == ND__F16 ? 1e3 : kind == ND__F32 ? 1e6 : 1e8;
        double ratio = in_kind(mx / mn, kind); /* the quotient in the element type */
        if (kind == ND__F16 && fabs(ratio) > 65504) ratio = INFINITY;
        f->sci = mx >= cutoff || (!po->suppress && (mn < small || ratio > 1000.));
    }
    bool fixed = po->floatmode == ND_FLOATMODE_FIXED;
    int P0 = po->floatmode == ND_FLOATMODE_UNIQUE ? -1 : po->precision;
    nd__fopts first = { .precision = P0, .min_digits = -1, .unique = !fixed, .trim = fixed ? 'k' : '.',
                        .plus = sign == '+', .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
    int L = 0, R = 0, X = 0;
    if (any_fin) {
        for (int64_t k = 0; k < n; k++) {
            if (!isfinite(v[k])) continue;
            nd__sb_clear(tmp);
            first.dig = dig && v[k] != 0 ? &dig[k] : NULL;
            int r = f->sci ? nd__format_scientific(tmp, scratch, v[k], kind, &first)
                           : nd__format_positional(tmp, scratch, v[k], kind, &first);
            if (r < 0) return -1;
            const char *s = tmp->p, *dot = strchr(s, '.'), *ex = strchr(s, 'e');
            int il = (int)(dot - s);
            int fl = (int)((ex ? ex : s + tmp->len) - dot - 1);
            if (il > L) L = il;
            if (fl > R) R = fl;
            if (ex && (int)strlen(ex + 1) - 1 > X) X = (int)strlen(ex + 1) - 1;
        }
        if (f->sci) {
            f->o = (nd__fopts){ .precision = R, .min_digits = R, .unique = !fixed, .trim = 'k',
                                .exp_digits = X };
            f->pad_left = L;
            f->pad_right = X + 2 + R;
        } else {
            f->pad_left = L;
            f->pad_right = R;
            if (fixed || po->floatmode == ND_FLOATMODE_MAXPREC_EQUAL)
                f->o = (nd__fopts){ .precision = R, .min_digits = R, .unique = !fixed, .trim = 'k' };
            else
                f->o = (nd__fopts){ .precision = P0, .min_digits = 0, .unique = true, .trim = '.' };
            f->o.exp_digits = -1;
        }
    }
    if (sign == ' ' && !neg_fin) f->pad_left++;
    if (any_nonfin) {
        int neg = sign != '-' || neg_inf;
        int off = f->pad_right + 1;
        int nl = (int)u8len(po->nanstr, strlen(po->nanstr)) - off;
        int il = (int)u8len(po->infstr, strlen(po->infstr)) + neg - off;
        if (nl > f->pad_left) f->pad_left = nl;
        if (il > f->pad_left) f->pad_left = il;
    }
    f->o.plus = sign == '+';
    f->o.pad_left = f->pad_left;
    f->o.pad_right = f->sci ? -1 : f->pad_right;
    return 0;
}

static int ffmt_put(const ffmt *f, nd__sb *out, nd__sb *scratch, double x, const nd__fdig *dig) {
    if (!isfinite(x)) {
        const char *pre = isnan(x) ? (f->sign == '+' ? "+" : "") : x < 0 ? "-" : f->sign == '+' ? "+" : "";
        const char *s = isnan(x) ? f->po->nanstr : f->po->infstr;
        int64_t w = (int64_t)strlen(pre) + u8len(s, strlen(s));
        nd__sb_pad(out, ' ', f->pad_left + f->pad_right + 1 - w);
        nd__sb_puts(out, pre);
        nd__sb_puts(out, s);
        return out->oom ? -1 : 0;
    }
    nd__fopts o = f->o;
    o.dig = x != 0 ? dig : NULL;
    return f->sci ? nd__format_scientific(out, scratch, x, f->kind, &o)
                  : nd__format_positional(out, scratch, x, f->kind, &o);
}

/* ------------------------------------------------------------ array formatter */

typedef struct pctx {
    const nd_array *a;
    nd_type t;
    int64_t itemsize;
    const nd_printoptions *po;
    int legacy;
    bool summarize;
    int64_t edge;
    /* element formatter */
    ffmt re, im;
    int int_width;
    char int_sign;
    bool zero_d;
    nd__sb scratch, word, tmp;
    /* displayed elements, collected by the first walk */
    char **ptrs;
    int64_t nptrs, cap;
    /* their shortest float digits (re then im), kept for the layout walk, which
     * meets the elements in the same order: `at` counts them */
    nd__fdig *dig;
    int64_t ndig, at;
} pctx;

/* Digits are kept for at most this many displayed values (memory: 48 bytes each). */
#define ND__DIG_CACHE_MAX 65536

static int collect(pctx *c, char *p, int axis) {
    if (axis == c->a->ndim) {
        if (c->nptrs == c->cap) {
            int64_t cap = c->cap ? 2 * c->cap : 64;
            char **np = nd__malloc((size_t)cap * sizeof *np);
            if (!np) return -1;
            if (c->ptrs) { memcpy(np, c->ptrs, (size_t)c->nptrs * sizeof *np); nd__free(c->ptrs, (size_t)c->cap * sizeof *np); }
            c->ptrs = np;
            c->cap = cap;
        }
        c->ptrs[c->nptrs++] = p;
        return 0;
    }
    int64_t n = c->a->shape[axis], s = c->a->strides[axis];
    bool summ = c->summarize && n > 2 * c->edge && c->edge > 0; /* edgeitems=0: NumPy sees all */
    for (int64_t i = 0; i < n; i++) {
        if (summ && i == c->edge) i = n - c->edge;
        if (collect(c, p + i * s, axis + 1) < 0) return -1;
    }
    return 0;
}

static int build_formatter(pctx *c) {
    nd_type t = c->t;
    int64_t n = c->nptrs;
    if (is_float_t(t) || is_complex_t(t)) {
        double *v = nd__malloc((size_t)(n ? n : 1) * sizeof *v);
        if (!v) return -1;
        int parts = is_complex_t(t) ? 2 : 1;
        if (n > 0 && n <= ND__DIG_CACHE_MAX) { /* above: digits get computed twice */
            c->dig = nd__malloc((size_t)(parts * n) * sizeof *c->dig);
            if (!c->dig) { nd__free(v, (size_t)n * sizeof *v); return -1; }
            c->ndig = parts * n;
        }
        int r = 0;
        for (int part = 0; part < parts && r == 0; part++) {
            nd__fdig *dig = c->dig ? c->dig + part * n : NULL;
            for (int64_t k = 0; k < n; k++) {
                elem e = read_elem(t, c->ptrs[k]);
                v[k] = part ? e.im : e.re;
                if (dig) nd__float_shortest(v[k], fkind_of(t), &dig[k]);
            }
            r = ffmt_build(part ? &c->im : &c->re, v, dig, n, fkind_of(t), part ? '+' : c->po->sign,
                           c->po, c->legacy, &c->scratch, &c->tmp);
        }
        nd__free(v, (size_t)(n ? n : 1) * sizeof *v);
        return r;
    }
    if (is_signed_t(t) || is_unsigned_t(t)) {
        bool sgn = is_signed_t(t);
        int64_t mxi = INT64_MIN, mni = INT64_MAX;
        uint64_t mxu = 0;
        for (int64_t k = 0; k < n; k++) {
            elem e = read_elem(t, c->ptrs[k]);
            if (sgn) { if (e.i > mxi) mxi = e.i; if (e.i < mni) mni = e.i; }
            else if (e.u > mxu) mxu = e.u;
        }
        char b1[32], b2[32];
        if (sgn) { snprintf(b1, sizeof b1, "%lld", (long long)mxi); snprintf(b2, sizeof b2, "%lld", (long long)mni); }
        else { snprintf(b1, sizeof b1, "%llu", (unsigned long long)mxu); strcpy(b2, "0"); }
        int wmax = (int)strlen(b1), wmin = (int)strlen(b2);
        char s = c->legacy > 125 ? c->po->sign : '-'; /* 2.x applies sign to integers */
        if (s == ' ' && sgn && mni < 0) s = '-';
        bool nonneg_max = sgn ? mxi >= 0 : true;
        if (nonneg_max && (s == '+' || s == ' ')) wmax++;
        c->int_sign = s;
        c->int_width = n ? (wmax > wmin ? wmax : wmin) : 0;
    }
    return 0;
}

/* Text of one element into c->word. */
static int put_elem(pctx *c, const char *p) {
    nd__sb *w = &c->word;
    nd__sb_clear(w);
    nd_type t = c->t;
    if (t == ND_TYPE_BOOL) {
        nd__sb_puts(w, *(const uint8_t *)p ? (c->zero_d ? "True" : " True") : "False");
    } else if (is_signed_t(t) || is_unsigned_t(t)) {
        elem e = read_elem(t, p);
        char b[32];
        bool neg = is_signed_t(t) && e.i < 0;
        /* the magnitude as unsigned (INT64_MIN included), digits from the right */
        uint64_t mag = is_signed_t(t) ? (neg ? 0 - (uint64_t)e.i : (uint64_t)e.i) : e.u;
        int k = (int)sizeof b;
        do { b[--k] = (char)('0' + mag % 10); mag /= 10; } while (mag);
        if (neg) b[--k] = '-';
        else if (c->int_sign == '+' || c->int_sign == ' ') b[--k] = c->int_sign;
        int len = (int)sizeof b - k;
        nd__sb_pad(w, ' ', c->int_width - len);
        nd__sb_putn(w, b + k, (size_t)len);
    } else if (is_float_t(t) || is_complex_t(t)) {
        /* the cached digits of this element, if the walks agree on it */
        const nd__fdig *dre = NULL, *dim = NULL;
        int64_t k = c->at++, n = c->nptrs;
        if (c->dig && k < n && c->ptrs[k] == p) {
            dre = &c->dig[k];
            if (c->ndig == 2 * n) dim = &c->dig[n + k];
        }
        elem e = read_elem(t, p);
        if (ffmt_put(&c->re, w, &c->scratch, e.re, dre) < 0) return -1;
        if (is_float_t(t)) return w->oom ? -1 : 0;
        size_t at = w->len;
        if (ffmt_put(&c->im, w, &c->scratch, e.im, dim) < 0) return -1;
        size_t end = w->len;
        while (end > at && w->p[end - 1] == ' ') end--; /* 'j' goes before the padding */
        size_t spaces = w->len - end;
        w->len = end;
        nd__sb_putc(w, 'j');
        nd__sb_pad(w, ' ', (int64_t)spaces);
    } else {
        put_string_repr(w, t, p, c->itemsize, true);
    }
    return w->oom ? -1 : 0;
}

/* ------------------------------------------------------------ layout (section 4) */

typedef struct layout {
    pctx *c;
    nd__sb *out;
    const char *sep;   /* ", " or " " */
    int64_t line_len;  /* code points on the current output line */
} layout;

static void rstrip(nd__sb *out) {
    while (out->len > 0 && out->p[out->len - 1] == ' ') out->len--;
    if (out->p) out->p[out->len] = 0;
}

static void put_word(layout *L, const char *w, size_t nb, int64_t E, int64_t H) {
    int64_t wl = u8len(w, nb);
    if (L->line_len + wl > E && L->line_len > H) {
        rstrip(L->out);
        nd__sb_putc(L->out, '\n');
        nd__sb_pad(L->out, ' ', H);
        L->line_len = H;
    }
    nd__sb_putn(L->out, w, nb);
    L->line_len += wl;
}

static int lay(layout *L, char *p, int axis, int64_t H, int64_t W) {
    pctx *c = L->c;
    const nd_array *a = c->a;
    int left = a->ndim - axis;
    int64_t n = a->shape[axis], s = a->strides[axis];
    bool summ = c->summarize && n > 2 * c->edge;
    int64_t lead = summ ? c->edge : 0, tail = summ ? c->edge : n;
    size_t seplen = strlen(L->sep);
    nd__sb_putc(L->out, '[');
    if (left == 1) {
        int64_t E = W - 1;
        L->line_len = H;
        for (int64_t i = 0; i < n; i++) {
            if (i == lead && summ) {
                put_word(L, "...", 3, E, H);
                nd__sb_puts(L->out, L->sep);
                L->line_len += (int64_t)seplen;
                i = n - tail;
                if (i >= n - 1) i = n - 1;
                if (i >= n) break;
            }
            if (put_elem(c, p + i * s) < 0) return -1;
            put_word(L, c->word.p, c->word.len, E, H);
            if (i < n - 1) { nd__sb_puts(L->out, L->sep); L->line_len += (int64_t)seplen; }
        }
    } else {
        char join = L->sep[0] == ',' ? ',' : 0;
        for (int64_t i = 0; i < n; i++) {
            if (i == lead && summ) {
                if (i > 0) nd__sb_pad(L->out, ' ', H);
                nd__sb_puts(L->out, "...");
                if (join) nd__sb_putc(L->out, join);
                nd__sb_pad(L->out, '\n', left - 1);
                nd__sb_pad(L->out, ' ', H);
                i = n - tail;
                if (i >= n - 1) i = n - 1;
                if (lay(L, p + i * s, axis + 1, H + 1, W - 1) < 0) return -1;
                if (i < n - 1) { if (join) nd__sb_putc(L->out, join); nd__sb_pad(L->out, '\n', left - 1); }
                continue;
            }
            if (i > 0) nd__sb_pad(L->out, ' ', H);
            if (lay(L, p + i * s, axis + 1, H + 1, W - 1) < 0) return -1;
            if (i < n - 1) { if (join) nd__sb_putc(L->out, join); nd__sb_pad(L->out, '\n', left - 1); }
        }
    }
    nd__sb_putc(L->out, ']');
    return L->out->oom ? -1 : 0;
}

static void pctx_free(pctx *c) {
    nd__sb_free(&c->scratch);
    nd__sb_free(&c->word);
    nd__sb_free(&c->tmp);
    if (c->ptrs) nd__free(c->ptrs, (size_t)c->cap * sizeof *c->ptrs);
    if (c->dig) nd__free(c->dig, (size_t)c->ndig * sizeof *c->dig);
}

/* BODY (spec 4) of a non-empty array, or the bare element of a 0-d one, into out. */
static int body(const nd_array *a, nd__sb *out, const char *sep, int64_t prefix_len, int64_t width) {
    pctx c = { .a = a, .t = a->dtype->type, .itemsize = a->dtype->itemsize,
               .po = nd__printoptions(), .zero_d = a->ndim == 0 };
    c.legacy = nd__legacy_code(c.po->legacy);
    int64_t size = nd_size(a);
    c.summarize = size > c.po->threshold;
    c.edge = c.po->edgeitems;
    int r = -1;
    if (collect(&c, a->data, 0) < 0 || build_formatter(&c) < 0) goto done;
    if (a->ndim == 0) {
        if (put_elem(&c, a->data) < 0) goto done;
        nd__sb_putn(out, c.word.p, c.word.len);
    } else {
        layout L = { .c = &c, .out = out, .sep = sep };
        if (lay(&L, a->data, 0, prefix_len + 1, width) < 0) goto done;
    }
    r = out->oom ? -1 : 0;
done:
    pctx_free(&c);
    if (r < 0 && nd_error() == ND_OK) nd__nomem();
    return r;
}

static int check_array(const nd_array *a) {
    if (!a) { nd__err(ND_ERR_VALUE, "array is NULL"); return -1; }
    if (a->dtype->type == ND_TYPE_VOID) {
        nd__err(ND_ERR_NOT_SUPPORTED, "printing structured/void arrays is not supported yet");
        return -1;
    }
    return 0;
}

/* dtype= text (spec 2.5). */
static void put_dtype(nd__sb *out, const nd_dtype_t *d) {
    if (d->type == ND_TYPE_BYTES || d->type == ND_TYPE_STR) nd__sb_printf(out, "'%s'", d->str);
    else nd__sb_puts(out, type_name(d->type));
}

static void put_shape(nd__sb *out, const nd_array *a) {
    nd__sb_putc(out, '(');
    for (int k = 0; k < a->ndim; k++)
        nd__sb_printf(out, k ? ", %lld" : "%lld", (long long)a->shape[k]);
    if (a->ndim == 1) nd__sb_putc(out, ',');
    nd__sb_putc(out, ')');
}

char *nd_array_repr(const nd_array *a) {
    if (check_array(a) < 0) return NULL;
    const nd_printoptions *po = nd__printoptions();
    int legacy = nd__legacy_code(po->legacy);
    int64_t size = nd_size(a);
    nd_type t = a->dtype->type;
    bool implied = size > 0 && (t == ND_TYPE_INT64 || t == ND_TYPE_FLOAT64 ||
                                t == ND_TYPE_COMPLEX128 || t == ND_TYPE_BOOL);
    bool empty_shape = size == 0 && !(a->ndim == 1 && a->shape[0] == 0);
    bool show_shape = empty_shape || (legacy > 210 && size > po->threshold);
    nd__sb out = {0};
    nd__sb_puts(&out, "array(");
    if (size == 0) nd__sb_puts(&out, "[]");
    else if (body(a, &out, ", ", 6, (int64_t)po->linewidth - 1) < 0) { nd__sb_free(&out); return NULL; }
    if (implied && !show_shape) {
        nd__sb_putc(&out, ')');
        return nd__sb_finish(&out);
    }
    if (legacy <= 125 && empty_shape) { /* 1.x: the shape belongs to the body */
        nd__sb_puts(&out, ", shape=");
        put_shape(&out, a);
        show_shape = false;
    }
    nd__sb_putc(&out, ',');
    nd__sb extra = {0};
    if (show_shape) { nd__sb_puts(&extra, "shape="); put_shape(&extra, a); }
    if (!implied) {
        if (show_shape) nd__sb_puts(&extra, ", ");
        nd__sb_puts(&extra, "dtype=");
        put_dtype(&extra, a->dtype);
    }
    nd__sb_putc(&extra, ')');
    if (out.oom || extra.oom) { nd__sb_free(&extra); nd__sb_free(&out); return nd__nomem(); }
    const char *nl = strrchr(out.p, '\n');
    int64_t last = u8len(nl ? nl + 1 : out.p, out.len - (size_t)(nl ? nl + 1 - out.p : 0));
    if (last + (int64_t)extra.len + 1 > po->linewidth) { nd__sb_putc(&out, '\n'); nd__sb_pad(&out, ' ', 6); }
    else nd__sb_putc(&out, ' ');
    nd__sb_putn(&out, extra.p, extra.len);
    nd__sb_free(&extra);
    return nd__sb_finish(&out);
}

char *nd_array_str(const nd_array *a) {
    if (check_array(a) < 0) return NULL;
    nd__sb out = {0};
    if (a->ndim == 0) { /* the scalar's str: no options apply */
        nd_type t = a->dtype->type;
        if (t == ND_TYPE_BYTES || t == ND_TYPE_STR) {
            put_string_repr(&out, t, a->data, a->dtype->itemsize, false);
        } else {
            nd__sb scratch = {0};
            elem e = read_elem(t, a->data);
            scalar_text(&out, &scratch, &e, false, nd__legacy_code(nd__printoptions()->legacy));
            nd__sb_free(&scratch);
        }
        return nd__sb_finish(&out);
    }
    if (nd_size(a) == 0) nd__sb_puts(&out, "[]");
    else if (body(a, &out, " ", 0, nd__printoptions()->linewidth) < 0) { nd__sb_free(&out); return NULL; }
    return nd__sb_finish(&out);
}

int nd_fprint(FILE *f, const nd_array *a) {
    if (!f) { nd__err(ND_ERR_VALUE, "file is NULL"); return -1; }
    char *s = nd_array_str(a);
    if (!s) return -1;
    int r = fputs(s, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;
    nd__dealloc(s);
    if (r < 0) nd__err(ND_ERR_IO, "write failed");
    return r;
}

int nd_print(const nd_array *a) { return nd_fprint(stdout, a); }
