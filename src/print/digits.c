/* Float digit generation for printing (spec printing.md 6.1).
 *
 * Shortest ("unique") digits come from the Schubfach idea (below) with 128-bit
 * integer arithmetic and a table of powers of ten (pow10_table.h, made by
 * tools/make_pow10.py), for float64, float32 and float16 alike.  Digits under a cut-off
 * are the exact binary value rounded half-even, as NumPy's Dragon4 prints them:
 * from the shortest digits where those decide it, else from 128-bit integers,
 * else (very long expansions) from printf "%.*f", which glibc, musl, BSD and
 * macOS libcs print exactly.  tests/test_print_fuzz.c checks all of it against
 * the old printf/strtod search. */
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

bool nd__sb_grow(nd__sb *sb, size_t extra) { return sb_reserve(sb, extra); }

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

/* Keep only the significant digits of a printf "%f" text: sb gets the digits
 * without leading/trailing zeros and *exp the position of the first one. */
static void digits_from_text(nd__sb *sb, const char *text, int *exp) {
    const char *s = text;
    if (*s == '-' || *s == '+') s++;
    const char *dot = strchr(s, '.');
    size_t nint = dot ? (size_t)(dot - s) : strlen(s);
    const char *frac = dot ? dot + 1 : s + nint;
    size_t nfrac = strlen(frac);
    nd__sb_clear(sb);
    /* integer digits then fraction digits, as one run */
    nd__sb_putn(sb, s, nint);
    nd__sb_putn(sb, frac, nfrac);
    if (sb->oom) return;
    size_t n = sb->len, first = 0;
    while (first < n && sb->p[first] == '0') first++;
    if (first == n) { /* the value rounded to zero */
        nd__sb_clear(sb);
        nd__sb_putc(sb, '0');
        *exp = 0;
        return;
    }
    while (sb->p[n - 1] == '0') n--;
    memmove(sb->p, sb->p + first, n - first);
    sb->len = n - first;
    sb->p[sb->len] = 0;
    *exp = (int)nint - 1 - (int)first;
}

/* ---- shortest digits: the Schubfach idea (R. Giulietti, "The Schubfach way to
 * render doubles", 2020).  x = c 2^q has the rounding interval R (values that
 * round to x); pick k with 1 <= 2^q / 10^k < 10 so R spans one to ten units of
 * 10^k.  Then the shortest decimals in R are either the single multiple of 10
 * 10^k in R (if any), or s 10^k / (s + 1) 10^k around x (at least one is in R).
 * The scaled values 4 x / 10^k and the ends of R come from one 64 x 128-bit
 * product with a 126-bit power of ten (pow10_table.h) rounded to odd: the low
 * bit says "inexact", which keeps every comparison with an integer exact. */

#include "print/pow10_table.h"

static inline uint64_t mul_hi(uint64_t a, uint64_t b, uint64_t *lo) {
#if defined(__SIZEOF_INT128__)
    unsigned __int128 p = (unsigned __int128)a * b;
    *lo = (uint64_t)p;
    return (uint64_t)(p >> 64);
#else
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    *lo = (mid << 32) | (uint32_t)p00;
    return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
#endif
}

/* floor(n g / 2^127) with its lowest bit set when the quotient is inexact
 * (g = hi 2^63 + lo, n < 2^63). */
static inline uint64_t round_odd(const uint64_t g[2], uint64_t n) {
    uint64_t lo0, lo1;
    uint64_t x1 = mul_hi(g[1], n, &lo0);
    uint64_t y1 = mul_hi(g[0], n, &lo1);
    const uint64_t m63 = ((uint64_t)1 << 63) - 1;
    uint64_t z = (lo1 >> 1) + x1;
    uint64_t v = y1 + (z >> 63);
    return v | (((z & m63) + m63) >> 63);
}

/* floor(q log10 2), floor(log10(3/4 2^q)), floor(e log2 10): exact for
 * |q|, |e| < 1100 (checked by tools/make_pow10.py and test_print_digits). */
static inline int flog10_pow2(int q) { return (int)(((int64_t)q * 78913) >> 18); }
static inline int flog10_34pow2(int q) { return (int)(((int64_t)q * 1262611 - 524031) >> 22); }
static inline int flog2_pow10(int e) { return (int)(((int64_t)e * 1741647) >> 19); }

/* The shortest decimal d 10^k in the rounding interval of c 2^q (the one nearest
 * x among them, ties to even d): closer = the interval's lower half is half as
 * wide (c the smallest significand of a binade above the lowest).  *cmp gets the
 * sign of x - d 10^k. */
static void to_decimal(uint64_t c, int q, bool closer, uint64_t *d, int *k, int *cmp) {
    /* integers below 2^64 in a format whose ulp is under 1: x itself */
    if (q < 0 && q > -64 && (c & (((uint64_t)1 << -q) - 1)) == 0) {
        *d = c >> -q;
        *k = 0;
        *cmp = 0;
        return;
    }
    uint64_t out = c & 1; /* odd c: the ends of the interval round away */
    uint64_t cb = c << 2, cbr = cb + 2, cbl;
    int kk;
    if (!closer) { cbl = cb - 2; kk = flog10_pow2(q); }
    else { cbl = cb - 1; kk = flog10_34pow2(q); }
    int h = q + flog2_pow10(-kk) + 2;
    const uint64_t *g = nd__pow10_g[-kk - ND__POW10_EMIN];
    uint64_t vb = round_odd(g, cb << h), vbl = round_odd(g, cbl << h), vbr = round_odd(g, cbr << h);
    uint64_t s = vb >> 2, r;
    if (s >= 10) { /* one digit less: the multiple of 10 in R, if there is one */
        uint64_t sp = s / 10 * 10, tp = sp + 10;
        bool upin = vbl + out <= sp << 2, wpin = (tp << 2) + out <= vbr;
        if (upin != wpin) { r = upin ? sp : tp; goto done; }
    }
    {
        uint64_t t = s + 1;
        bool uin = vbl + out <= s << 2, win = (t << 2) + out <= vbr;
        if (uin != win) r = uin ? s : t;
        else { /* both: the nearer one, ties to even */
            uint64_t mid = (s + t) << 1;
            r = (vb < mid || (vb == mid && (s & 1) == 0)) ? s : t;
        }
    }
done:
    *d = r;
    *k = kk;
    *cmp = vb > r << 2 ? 1 : vb < r << 2 ? -1 : 0;
}

void nd__float_shortest(double x, nd__fkind kind, nd__fdig *s) {
    x = fabs(x);
    if (x == 0 || !isfinite(x)) { /* not for these: a harmless "0" */
        memset(s, 0, sizeof *s);
        s->d[0] = '0';
        s->n = 1;
        return;
    }
    static const int prec[3] = { 11, 24, 53 }, qmin[3] = { -24, -149, -1074 };
    uint64_t bits;
    memcpy(&bits, &x, 8);
    int be = (int)(bits >> 52 & 0x7ff);
    uint64_t m = bits & (((uint64_t)1 << 52) - 1);
    int Q;
    if (be) { m |= (uint64_t)1 << 52; Q = be - 1075; }
    else Q = -1074;
    int q = Q;
    if (kind != ND__F64) { /* the value's own format (x holds it exactly) */
        q = (be - 1023) - (prec[kind] - 1);
        if (q < qmin[kind]) q = qmin[kind];
        int sh = q - Q;
        if (be && sh < 53 && (m >> sh) << sh == m) m >>= sh;
        else { kind = ND__F64; q = Q; } /* not a value of kind: print it as a double */
    }
    int p = prec[kind];
    bool closer = m == (uint64_t)1 << (p - 1) && q > qmin[kind];
    uint64_t d;
    int k;
    to_decimal(m, q, closer, &d, &k, &s->cmp);
    while (d % 10 == 0) { d /= 10; k++; }
    char tmp[24];
    int n = 0;
    while (d) { tmp[n++] = (char)('0' + d % 10); d /= 10; }
    for (int i = 0; i < n; i++) s->d[i] = tmp[n - 1 - i];
    s->d[n] = 0;
    s->n = n;
    s->exp = k + n - 1;
    s->q = q;
    s->c = m;
}

/* Every significant digit of |x| = c 2^q: its decimal expansion ends at 10^q for
 * q < 0 (printf is exact there, no rounding). */
static void exact_digits(nd__sb *sb, double x, int q, int *exp) {
    char text[1500]; /* 309 integer digits + point + at most 1074 fraction digits */
    snprintf(text, sizeof text, "%.*f", q < 0 ? -q : 0, x);
    digits_from_text(sb, text, exp);
}

/* Round the digits in sb (first at position *exp) half-even at position t, as
 * NumPy's Dragon4 does: digits down to t are kept, genuine zeros included, while
 * a carry drops the nines it turns into zeros.  A value that rounds to nothing
 * becomes the digit 0 at position t.  tail: sign of the value's part beyond the
 * digits (0: the digits are exact), which decides a 5 in the last place. */
static void round_at(nd__sb *sb, int *exp, int t, int tail) {
    int e = *exp, n = (int)sb->len;
    int k = e - t + 1; /* digits kept */
    if (sb->oom) return;
    if (k > n) { nd__sb_pad(sb, '0', k - n); return; }
    if (k == n) return;
    bool up;
    if (k < 0) up = false;
    else {
        char d = sb->p[k];
        bool last = n == k + 1; /* digits carry no trailing zeros */
        bool odd = k > 0 && ((sb->p[k - 1] - '0') & 1);
        up = d > '5' || (d == '5' && (last ? tail > 0 || (tail == 0 && odd) : true));
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

/* x = c 2^q rounded half-even at position t with 128-bit integers: D = floor(x /
 * 10^t) and the remainder, when they fit (else false).  The text follows round_at:
 * D's digits when rounding down (genuine zeros kept), D + 1 without its trailing
 * zeros when rounding up, the digit 0 or 1 at t when x < 10^t. */
static bool round_exact(nd__sb *sb, uint64_t c, int q, int t, int *exp) {
#if defined(__SIZEOF_INT128__)
    typedef unsigned __int128 u128;
    int cbits = 64 - __builtin_clzll(c);
    int at = t < 0 ? -t : t;
    if (at > 38) return false; /* 10^38 < 2^127 */
    u128 p10 = 1;
    for (int i = 0; i < at; i++) p10 *= 10;
    int pbits = (p10 >> 64) ? 128 - __builtin_clzll((uint64_t)(p10 >> 64)) : 64 - __builtin_clzll((uint64_t)p10);
    u128 D;
    int rem; /* the remainder against half a unit of 10^t: -1 below, 0 equal, 1 above */
    if (q < 0) {
        if (t > 0 || cbits + pbits > 127 || -q > 126) return false;
        u128 N = (u128)c * p10, R = N & (((u128)1 << -q) - 1), H = (u128)1 << (-q - 1);
        D = N >> -q;
        rem = R < H ? -1 : R > H;
    } else {
        if (cbits + q > 126) return false;
        u128 X = (u128)c << q;
        if (t >= 0) {
            u128 R = X % p10;
            D = X / p10;
            rem = 2 * R < p10 ? -1 : 2 * R > p10;
        } else {
            if (cbits + q + pbits > 127) return false;
            D = X * p10;
            rem = -1;
        }
    }
    bool up = rem > 0 || (rem == 0 && (D & 1));
    if (up) D++;
    char tmp[48];
    int n = 0;
    while (D) { tmp[n++] = (char)('0' + (int)(D % 10)); D /= 10; }
    int drop = 0; /* after a carry, the zeros it made go */
    if (up) while (drop < n - 1 && tmp[drop] == '0') drop++;
    nd__sb_clear(sb);
    if (n == 0) {
        nd__sb_putc(sb, '0');
        *exp = t;
        return true;
    }
    if (!sb_reserve(sb, (size_t)n)) return true;
    for (int i = n - 1; i >= drop; i--) sb->p[sb->len++] = tmp[i];
    sb->p[sb->len] = 0;
    *exp = t + n - 1;
    return true;
#else
    (void)sb; (void)c; (void)q; (void)t; (void)exp;
    return false;
#endif
}

/* |x| rounded at position t, from its shortest digits s where they decide it.
 * Above the last shortest digit no rounding boundary lies between x and s (it
 * would be a shorter or nearer decimal in x's interval), so rounding s gives
 * x's rounding.  Below it, s padded with zeros is x's digits when x == s, or,
 * when x's ulp is under 10^t, x rounded (up to s if x < s: no padding then,
 * as the carry drops the nines).  Finer digits need the exact expansion. */
static void round_digits(nd__sb *sb, double x, const nd__fdig *s, int t, int *exp) {
    int u = s->exp - s->n + 1;
    nd__sb_clear(sb);
    if (t > u || s->cmp == 0 || (double)s->q + 1e-6 < t * 3.321928094887362) {
        nd__sb_putn(sb, s->d, (size_t)s->n);
        *exp = s->exp;
        if (t > u) round_at(sb, exp, t, s->cmp);
        else if (s->cmp >= 0) round_at(sb, exp, t, 0); /* pads with zeros */
        return;
    }
    if (round_exact(sb, s->c, s->q, t, exp)) return;
    exact_digits(sb, x, s->q, exp);
    round_at(sb, exp, t, 0);
}

static int float_digits(nd__sb *sb, double x, nd__fkind kind, bool sci, int P, int m,
                        bool unique, int *exp, const nd__fdig *pre) {
    x = fabs(x);
    nd__sb_clear(sb);
    if (x == 0) {
        nd__sb_putc(sb, '0');
        *exp = 0;
        return sb->oom ? -1 : 0;
    }
    nd__fdig s;
    if (pre) s = *pre;
    else nd__float_shortest(x, kind, &s);
    /* the exact value's first digit: one lower when x is just under s = 10^e */
    int ex = s.exp - (s.n == 1 && s.d[0] == '1' && s.cmp < 0);
    int t; /* the position to round at */
    if (unique) {
        int len = s.n, u = s.exp - len + 1;
        bool keep;
        if (sci) {
            int c = len;
            if (m >= 0 && m + 1 > c) c = m + 1;
            if (P >= 0 && P + 1 < c) c = P + 1;
            keep = c == len;
            t = ex - c + 1; /* count from the exact value's first digit */
        } else {
            t = u;
            if (m >= 0 && -m < t) t = -m;
            if (P >= 0 && -P > t) t = -P;
            keep = t == u;
        }
        if (keep) {
            nd__sb_putn(sb, s.d, (size_t)s.n);
            *exp = s.exp;
            return sb->oom ? -1 : 0;
        }
    } else {
        if (P < 0) P = 0;
        t = sci ? ex - P : -P;
    }
    round_digits(sb, x, &s, t, exp);
    return sb->oom ? -1 : 0;
}

int nd__float_digits(nd__sb *sb, double x, nd__fkind kind, bool sci, int P, int m,
                     bool unique, int *exp) {
    return float_digits(sb, x, kind, sci, P, m, unique, exp, NULL);
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
    if (float_digits(scratch, x, kind, false, o->precision, o->min_digits, o->unique, &e, o->dig) < 0)
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
    if (float_digits(scratch, x, kind, true, o->precision, o->min_digits, o->unique, &e, o->dig) < 0)
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
    char eb[16]; /* "e", sign, the exponent's digits zero-padded to ed */
    int ev = e < 0 ? -e : e, nd = 0;
    char rev[12];
    do { rev[nd++] = (char)('0' + ev % 10); ev /= 10; } while (ev);
    int k = 0;
    eb[k++] = 'e';
    eb[k++] = e < 0 ? '-' : '+';
    for (int i = nd; i < ed; i++) eb[k++] = '0';
    while (nd) eb[k++] = rev[--nd];
    nd__sb_putn(out, eb, (size_t)k);
    return out->oom ? -1 : 0;
}
