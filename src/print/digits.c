/* Float digit generation for printing (spec printing.md 6.1).
 *
 * Shortest ("unique") digits are found by asking the C library for the correctly
 * rounded n-significant-digit decimal (printf "%.*e") for n = 1, 2, ... and keeping
 * the first one that reads back as the same float of the value's own type; at each
 * length the decimal neighbour on the other side of x is tried too, because the
 * rounding interval of a power of two is lopsided.  Digits under a cut-off are the
 * exact binary value rounded half-even, which printf gives directly.  Both rely on
 * a libc whose printf is exact and whose strtod/strtof are correctly rounded
 * (glibc, musl, BSD and macOS libcs are), in the default rounding mode. */
#include "print/print_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>

/* ------------------------------------------------------------ string buffer */

static bool sb_reserve(nd__sb *sb, size_t extra) {
    if (sb->oom) return false;
    if (sb->len + extra + 1 <= sb->cap) return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { sb->oom = true; return false; }
        cap *= 2;
    }
    char *p = nd__alloc_realloc(sb->p, cap);
    if (!p) { sb->oom = true; return false; }
    sb->p = p;
    sb->cap = cap;
    return true;
}

void nd__sb_putn(nd__sb *sb, const char *s, size_t n) {
    if (!sb_reserve(sb, n)) return;
    memcpy(sb->p + sb->len, s, n);
    sb->len += n;
    sb->p[sb->len] = 0;
}

void nd__sb_puts(nd__sb *sb, const char *s) { nd__sb_putn(sb, s, strlen(s)); }

void nd__sb_putc(nd__sb *sb, char c) { nd__sb_putn(sb, &c, 1); }

void nd__sb_pad(nd__sb *sb, char c, int64_t n) {
    if (n <= 0 || !sb_reserve(sb, (size_t)n)) return;
    memset(sb->p + sb->len, c, (size_t)n);
    sb->len += (size_t)n;
    sb->p[sb->len] = 0;
}

void nd__sb_printf(nd__sb *sb, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !sb_reserve(sb, (size_t)n)) { sb->oom = true; return; }
    va_start(ap, fmt);
    vsnprintf(sb->p + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

char *nd__sb_finish(nd__sb *sb) {
    if (!sb->oom && !sb->p) sb_reserve(sb, 0);
    if (sb->oom) {
        nd__sb_free(sb);
        return nd__nomem();
    }
    char *p = sb->p;
    sb->p[sb->len] = 0;
    sb->p = NULL;
    sb->len = sb->cap = 0;
    return p;
}

void nd__sb_free(nd__sb *sb) {
    if (sb->p) nd__dealloc(sb->p);
    sb->p = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

/* ------------------------------------------------------------ digits */

/* Keep only the significant digits of a printf "%e"/"%f" text: sb gets the digits
 * without leading/trailing zeros and *exp the position of the first one. */
static void digits_from_text(nd__sb *sb, const char *text, int *exp) {
    const char *s = text;
    if (*s == '-' || *s == '+') s++;
    int point = -1; /* count of digits before the '.' */
    int ndig = 0, first = -1, last = -1;
    const char *t = s;
    nd__sb_clear(sb);
    for (; *t && *t != 'e' && *t != 'E'; t++) {
        if (*t == '.') { point = ndig; continue; }
        if (*t != '0' && first < 0) first = ndig;
        if (first >= 0) nd__sb_putc(sb, *t);
        if (*t != '0') last = ndig;
        ndig++;
    }
    if (point < 0) point = ndig;
    int e10 = (*t == 'e' || *t == 'E') ? atoi(t + 1) : 0;
    if (first < 0) { /* the value rounded to zero */
        nd__sb_clear(sb);
        nd__sb_putc(sb, '0');
        *exp = 0;
        return;
    }
    if (!sb->oom) { sb->len = (size_t)(last - first + 1); sb->p[sb->len] = 0; }
    *exp = point - 1 - first + e10;
}

/* Does the decimal text read back as x in x's own format? */
static bool reads_back(const char *text, double x, nd__fkind kind) {
    if (kind == ND__F64) return strtod(text, NULL) == x;
    if (kind == ND__F32) return strtof(text, NULL) == (float)x;
    /* float16: an at most 5-digit decimal is never within double rounding of a
     * float16 half-way point unless equal to it, so compare in double against the
     * rounding interval, whose ends are included iff the significand is even. */
    double d = strtod(text, NULL);
    int e2;
    frexp(x, &e2);
    int lead = e2 - 1 < -14 ? -14 : e2 - 1;
    double ulp = ldexp(1.0, lead - 10);
    double below = (x == ldexp(1.0, e2 - 1) && e2 - 1 > -14) ? ulp / 4 : ulp / 2;
    double lo = x - below, hi = x + ulp / 2;
    bool even = fmod(x / ulp, 2.0) == 0;
    return even ? (d >= lo && d <= hi) : (d > lo && d < hi);
}

/* Shortest digits of x > 0 (spec 6.1.1). */
static void shortest(nd__sb *sb, double x, nd__fkind kind, int *exp) {
    int maxd = kind == ND__F16 ? 5 : kind == ND__F32 ? 9 : 17;
    char buf[64], alt[64];
    for (int n = 1; n <= maxd; n++) {
        snprintf(buf, sizeof buf, "%.*e", n - 1, x);
        if (reads_back(buf, x, kind) || n == maxd) {
            digits_from_text(sb, buf, exp);
            return;
        }
        /* The other n-digit neighbour of x: one unit in the last place away. */
        char dg[24];
        int k = 0;
        const char *p = buf;
        for (; *p != 'e'; p++) if (*p != '.') dg[k++] = *p;
        int e10 = atoi(p + 1);
        bool up = strtod(buf, NULL) < x;
        int i = n - 1;
        if (up) {
            while (i >= 0 && dg[i] == '9') dg[i--] = '0';
            if (i >= 0) dg[i]++;
            else { dg[0] = '1'; e10++; }
        } else {
            while (i >= 0 && dg[i] == '0') dg[i--] = '9';
            dg[i]--;
            if (dg[0] == '0') { for (int j = 0; j < n; j++) dg[j] = '9'; e10--; }
        }
        int m = 0;
        alt[m++] = dg[0];
        if (n > 1) { alt[m++] = '.'; memcpy(alt + m, dg + 1, (size_t)(n - 1)); m += n - 1; }
        snprintf(alt + m, sizeof alt - (size_t)m, "e%d", e10);
        if (reads_back(alt, x, kind)) {
            digits_from_text(sb, alt, exp);
            return;
        }
    }
}

/* Every significant digit of |x| (a binary float has a finite decimal expansion:
 * at most 1074 fractional digits, so "%.1100f" is exact, no rounding). */
static void exact_digits(nd__sb *sb, double x, int *exp) {
    char text[1500]; /* 309 integer digits + point + 1100 fraction digits */
    snprintf(text, sizeof text, "%.1100f", x);
    digits_from_text(sb, text, exp);
}

/* Round the digits in sb (first at position *exp) half-even at position t, as
 * NumPy's Dragon4 does: digits down to t are kept, genuine zeros included, while
 * a carry drops the nines it turns into zeros.  A value that rounds to nothing
 * becomes the digit 0 at position t. */
static void round_at(nd__sb *sb, int *exp, int t) {
    int e = *exp, n = (int)sb->len;
    int k = e - t + 1; /* digits kept */
    if (sb->oom) return;
    if (k > n) { nd__sb_pad(sb, '0', k - n); return; }
    if (k == n) return;
    bool up;
    if (k < 0) up = false;
    else {
        char d = sb->p[k];
        bool rest = n > k + 1; /* digits carry no trailing zeros */
        bool odd = k > 0 && ((sb->p[k - 1] - '0') & 1);
        up = d > '5' || (d == '5' && (rest || odd));
    }
    if (k <= 0) {
        nd__sb_clear(sb);
        nd__sb_putc(sb, up ? '1' : '0');
        *exp = t;
        return;
    }
    sb->len = (size_t)k;
    sb->p[k] = 0;
    if (!up) return;
    while (sb->len > 0 && sb->p[sb->len - 1] == '9') sb->len--;
    if (sb->len == 0) { /* all nines: 10^(e+1) */
        sb->p[0] = '1';
        sb->len = 1;
        *exp = e + 1;
    } else {
        sb->p[sb->len - 1]++;
    }
    sb->p[sb->len] = 0;
}

int nd__float_digits(nd__sb *sb, double x, nd__fkind kind, bool sci, int P, int m,
                     bool unique, int *exp) {
    x = fabs(x);
    nd__sb_clear(sb);
    if (x == 0) {
        nd__sb_putc(sb, '0');
        *exp = 0;
        return sb->oom ? -1 : 0;
    }
    int t; /* the position to round at */
    if (unique) {
        shortest(sb, x, kind, exp);
        if (sb->oom) return -1;
        int len = (int)sb->len;
        if (sci) {
            int c = len;
            if (m >= 0 && m + 1 > c) c = m + 1;
            if (P >= 0 && P + 1 < c) c = P + 1;
            if (c == len) return 0;
            exact_digits(sb, x, exp); /* count from the exact value's first digit */
            round_at(sb, exp, *exp - c + 1);
            return sb->oom ? -1 : 0;
        } else {
            int u = *exp - len + 1; /* position of the last shortest digit */
            t = u;
            if (m >= 0 && -m < t) t = -m;
            if (P >= 0 && -P > t) t = -P;
            if (t == u) return 0;
        }
        exact_digits(sb, x, exp);
    } else {
        if (P < 0) P = 0;
        exact_digits(sb, x, exp);
        t = sci ? *exp - P : -P;
    }
    round_at(sb, exp, t);
    return sb->oom ? -1 : 0;
}

/* ------------------------------------------------------------ builders */

/* Strip trailing '0' fraction digits written after position `from` of out;
 * returns how many fraction digits remain. */
static int trim_zeros(nd__sb *out, size_t from, int frac) {
    while (frac > 0 && out->len > from && out->p[out->len - 1] == '0') {
        out->len--;
        frac--;
    }
    if (out->p) out->p[out->len] = 0;
    return frac;
}

int nd__format_positional(nd__sb *out, nd__sb *scratch, double x, nd__fkind kind,
                          const nd__fopts *o) {
    int e;
    if (nd__float_digits(scratch, x, kind, false, o->precision, o->min_digits, o->unique, &e) < 0)
        return -1;
    const char *D = scratch->p;
    int n = (int)scratch->len;
    bool neg = signbit(x) != 0;
    int sign_len = (neg || o->plus) ? 1 : 0;
    int int_len = e >= 0 ? e + 1 : 1;
    int lead_zeros = e >= 0 ? 0 : -e - 1;     /* zeros between the point and D */
    int from_D = e >= 0 ? (n > e + 1 ? n - (e + 1) : 0) : n; /* digits of D in fraction */
    int frac = lead_zeros + from_D;

    if (o->pad_left > sign_len + int_len) nd__sb_pad(out, ' ', o->pad_left - sign_len - int_len);
    if (neg) nd__sb_putc(out, '-');
    else if (o->plus) nd__sb_putc(out, '+');
    if (e >= 0) {
        int k = n < e + 1 ? n : e + 1;
        nd__sb_putn(out, D, (size_t)k);
        nd__sb_pad(out, '0', e + 1 - k);
    } else {
        nd__sb_putc(out, '0');
    }
    size_t point_at = out->len;
    bool point = !(o->trim == '-' && frac == 0);
    if (point) nd__sb_putc(out, '.');
    nd__sb_pad(out, '0', lead_zeros);
    if (from_D > 0) nd__sb_putn(out, D + (n - from_D), (size_t)from_D);
    if (o->trim == 'k') {
        int target = o->unique ? o->min_digits : o->precision;
        if (target > frac) { nd__sb_pad(out, '0', target - frac); frac = target; }
    } else if (o->trim == '0' && frac == 0) {
        nd__sb_putc(out, '0');
        frac = 1;
    }
    if (o->trim != 'k' && frac > 0 && !out->oom) { /* rounding can leave zeros */
        frac = trim_zeros(out, point_at + 1, frac);
        if (frac == 0 && o->trim == '0') { nd__sb_putc(out, '0'); frac = 1; }
        if (frac == 0 && o->trim == '-') { out->len = point_at; out->p[out->len] = 0; point = false; }
    }
    if (o->pad_right >= 0 && o->pad_right >= frac) {
        if (!point) nd__sb_putc(out, ' '); /* stands for the dropped point */
        nd__sb_pad(out, ' ', o->pad_right - frac);
    }
    return out->oom ? -1 : 0;
}

int nd__format_scientific(nd__sb *out, nd__sb *scratch, double x, nd__fkind kind,
                          const nd__fopts *o) {
    int e;
    if (nd__float_digits(scratch, x, kind, true, o->precision, o->min_digits, o->unique, &e) < 0)
        return -1;
    const char *D = scratch->p;
    int n = (int)scratch->len;
    bool neg = signbit(x) != 0;
    int sign_len = (neg || o->plus) ? 1 : 0;
    int frac = n - 1;
    if (o->pad_left > 1 + sign_len) nd__sb_pad(out, ' ', o->pad_left - 1 - sign_len);
    if (neg) nd__sb_putc(out, '-');
    else if (o->plus) nd__sb_putc(out, '+');
    nd__sb_putc(out, D[0]);
    size_t point_at = out->len;
    if (!(o->trim == '-' && frac == 0)) nd__sb_putc(out, '.');
    if (frac > 0) nd__sb_putn(out, D + 1, (size_t)frac);
    if (o->trim == 'k') {
        int target = o->unique ? o->min_digits : o->precision;
        if (target > frac) { nd__sb_pad(out, '0', target - frac); frac = target; }
    } else if (o->trim == '0' && frac == 0) {
        nd__sb_putc(out, '0');
        frac = 1;
    }
    if (o->trim != 'k' && frac > 0 && !out->oom) { /* the point stays, even for '-' */
        frac = trim_zeros(out, point_at + 1, frac);
        if (frac == 0 && o->trim == '0') nd__sb_putc(out, '0');
    }
    int ed = o->exp_digits < 0 ? 2 : o->exp_digits > 5 ? 5 : o->exp_digits;
    nd__sb_printf(out, "e%c%0*d", e < 0 ? '-' : '+', ed, e < 0 ? -e : e);
    return out->oom ? -1 : 0;
}
