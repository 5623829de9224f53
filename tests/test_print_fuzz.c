/* The fast float digits of the printing module (src/print/digits.c: shortest digits
 * by the Schubfach idea, rounding from them) against the slow reference they
 * replaced, kept below as the oracle: shortest digits by trying 1, 2, ... digits
 * with printf "%.*e" and strtod, rounding on the full "%.1100f" expansion.
 * Checked: every float16 (all option sets), random float32/float64 bit patterns
 * and values near ties, powers of two, subnormals, integers.  Counts scale with
 * the environment variable ND_PRINT_FUZZ (default 1: 200k values of each type;
 * ND_PRINT_FUZZ=30 checks 6M float32 + 6M float64 in a few minutes). */
#define ND_BUILDING_LIBRARY
#include "check.h"
#include "print/print_internal.h"

#include <stdint.h>

/* ------------------------------------------------------------ the oracle (the old code) */

/* Keep only the significant digits of a printf "%e"/"%f" text: sb gets the digits
 * without leading/trailing zeros and *exp the position of the first one. */
static void old_digits_from_text(nd__sb *sb, const char *text, int *exp) {
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
static bool old_reads_back(const char *text, double x, nd__fkind kind) {
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
static void old_shortest(nd__sb *sb, double x, nd__fkind kind, int *exp) {
    int maxd = kind == ND__F16 ? 5 : kind == ND__F32 ? 9 : 17;
    char buf[64], alt[64];
    for (int n = 1; n <= maxd; n++) {
        snprintf(buf, sizeof buf, "%.*e", n - 1, x);
        if (old_reads_back(buf, x, kind) || n == maxd) {
            old_digits_from_text(sb, buf, exp);
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
        if (old_reads_back(alt, x, kind)) {
            old_digits_from_text(sb, alt, exp);
            return;
        }
    }
}

/* Every significant digit of |x| (a binary float has a finite decimal expansion:
 * at most 1074 fractional digits, so "%.1100f" is exact, no rounding). */
static void old_exact_digits(nd__sb *sb, double x, int *exp) {
    char text[1500]; /* 309 integer digits + point + 1100 fraction digits */
    snprintf(text, sizeof text, "%.1100f", x);
    old_digits_from_text(sb, text, exp);
}

/* Round the digits in sb (first at position *exp) half-even at position t, as
 * NumPy's Dragon4 does: digits down to t are kept, genuine zeros included, while
 * a carry drops the nines it turns into zeros.  A value that rounds to nothing
 * becomes the digit 0 at position t. */
static void old_round_at(nd__sb *sb, int *exp, int t) {
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

static int old_float_digits(nd__sb *sb, double x, nd__fkind kind, bool sci, int P, int m,
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
        old_shortest(sb, x, kind, exp);
        if (sb->oom) return -1;
        int len = (int)sb->len;
        if (sci) {
            int c = len;
            if (m >= 0 && m + 1 > c) c = m + 1;
            if (P >= 0 && P + 1 < c) c = P + 1;
            if (c == len) return 0;
            old_exact_digits(sb, x, exp); /* count from the exact value's first digit */
            old_round_at(sb, exp, *exp - c + 1);
            return sb->oom ? -1 : 0;
        } else {
            int u = *exp - len + 1; /* position of the last shortest digit */
            t = u;
            if (m >= 0 && -m < t) t = -m;
            if (P >= 0 && -P > t) t = -P;
            if (t == u) return 0;
        }
        old_exact_digits(sb, x, exp);
    } else {
        if (P < 0) P = 0;
        old_exact_digits(sb, x, exp);
        t = sci ? *exp - P : -P;
    }
    old_round_at(sb, exp, t);
    return sb->oom ? -1 : 0;
}

/* The old search at one length n: the n-digit decimal it would pick, or false. */
static bool old_at_length(double x, nd__fkind kind, int n, char *digits, int *exp) {
    char buf[64], alt[64];
    snprintf(buf, sizeof buf, "%.*e", n - 1, x);
    nd__sb sb = {0};
    bool ok = false;
    if (old_reads_back(buf, x, kind)) {
        old_digits_from_text(&sb, buf, exp);
        ok = true;
    } else {
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
        if (old_reads_back(alt, x, kind)) {
            old_digits_from_text(&sb, alt, exp);
            ok = true;
        }
    }
    if (ok) snprintf(digits, 24, "%s", sb.p ? sb.p : "");
    nd__sb_free(&sb);
    return ok;
}

/* ------------------------------------------------------------ drivers */

static uint64_t rng_state = 0x243F6A8885A308D3u;
static uint64_t next64(void) { /* splitmix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static const char *kname(nd__fkind k) { return k == ND__F16 ? "f16" : k == ND__F32 ? "f32" : "f64"; }

static int bad_short = 0, bad_full = 0;

/* Shortest digits of x (> 0): the same as the old search, which is known to be
 * monotone in the length, so checking lengths n-1 and n is checking all. */
static void check_shortest(double x, nd__fkind kind, nd__sb *sb) {
    int e;
    if (nd__float_digits(sb, x, kind, true, -1, -1, true, &e) != 0) { bad_short++; return; }
    int n = (int)sb->len, maxd = kind == ND__F16 ? 5 : kind == ND__F32 ? 9 : 17;
    char want[24] = "", shorter[24];
    int we = 0, se;
    bool ok = n <= maxd && (n == maxd ? (snprintf(want, sizeof want, "x"), true) : true);
    if (n == maxd) { /* the old search stops here with printf's rounding */
        nd__sb t = {0};
        char buf[64];
        snprintf(buf, sizeof buf, "%.*e", maxd - 1, x);
        old_digits_from_text(&t, buf, &we);
        snprintf(want, sizeof want, "%s", t.p);
        nd__sb_free(&t);
    } else {
        ok = ok && old_at_length(x, kind, n, want, &we);
    }
    if (ok && n > 1 && old_at_length(x, kind, n - 1, shorter, &se)) ok = false;
    if (!ok || strcmp(want, sb->p) != 0 || we != e) {
        if (bad_short++ < 20)
            fprintf(stderr, "shortest %s %.17g: got %s e%d, want %s e%d\n", kname(kind), x, sb->p, e,
                    want, we);
    }
}

/* One full call with options against the old code. */
static void check_full(double x, nd__fkind kind, bool sci, int P, int m, bool unique, nd__sb *a,
                       nd__sb *b) {
    if (!isfinite(x)) return;
    int ea = 0, eb = 0;
    int ra = nd__float_digits(a, x, kind, sci, P, m, unique, &ea);
    int rb = old_float_digits(b, x, kind, sci, P, m, unique, &eb);
    if (ra != rb || ea != eb || strcmp(a->p, b->p) != 0) {
        if (bad_full++ < 20)
            fprintf(stderr, "digits %s %.17g sci=%d P=%d m=%d unique=%d: got %s e%d, want %s e%d\n",
                    kname(kind), x, sci, P, m, unique, a->p, ea, b->p, eb);
    }
}

static double half_bits(unsigned b) {
    int e = (int)(b >> 10) & 31, mm = (int)(b & 1023);
    return e ? ldexp(1024 + mm, e - 25) : ldexp(mm, -24);
}

/* A random positive finite value of the kind, from one of several families. */
static double random_value(nd__fkind kind) {
    uint64_t r = next64();
    int fam = (int)(r % 8);
    r = next64();
    double x;
    switch (fam) {
    case 0: case 1: case 2: /* any bit pattern */
        if (kind == ND__F64) {
            r &= ~((uint64_t)1 << 63);
            if ((r >> 52) == 0x7ff) r ^= (uint64_t)1 << 62;
            memcpy(&x, &r, 8);
        } else {
            uint32_t u = (uint32_t)r & 0x7fffffffu;
            if ((u >> 23) == 0xff) u ^= 1u << 30;
            float f;
            memcpy(&f, &u, 4);
            x = f;
        }
        break;
    case 3: /* bench-like: [0, 1000) with every fraction bit */
        x = (double)(r >> 11) * 0x1p-53 * 1000;
        break;
    case 4: { /* near a short decimal: n / 10^j */
        static const double p10[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
        x = (double)(r % 100000000) / p10[(r >> 40) % 10];
        break;
    }
    case 5: /* small binary fractions: exact decimal ties when rounded */
        x = ldexp((double)(r % 4096 + 1), (int)((r >> 20) % 40) - 30);
        break;
    case 6: /* powers of two and their neighbours (the lopsided intervals) */
        x = ldexp(1.0, (int)((r >> 8) % 2100) - 1074);
        if (r & 1) x = nextafter(x, INFINITY);
        if (r & 2) x = nextafter(x, 0);
        break;
    default: /* integers */
        x = (double)(r >> (r % 64 | 1));
        break;
    }
    if (kind == ND__F32) x = (float)x;
    if (!(x > 0) || isinf(x) || (kind == ND__F32 && isinf((float)x))) x = 1.5;
    return x;
}

static int random_prec(void) {
    uint64_t r = next64() % 16;
    if (r == 0) return -1;
    if (r < 12) return (int)(next64() % 18);
    return (int)(next64() % 60);
}

int main(void) {
    const char *env = getenv("ND_PRINT_FUZZ");
    double scale = env ? atof(env) : 1;
    nd__sb a = {0}, b = {0};

    /* every float16: shortest digits, and two option sets each (rotating) */
    static const struct { int P, m; bool unique; } hopt[] = {
        { -1, -1, true }, { 3, -1, true }, { 8, 8, true }, { 2, 0, false }, { 20, 20, false } };
    for (unsigned h = 1; h < 0x7c00; h++) {
        double x = half_bits(h);
        check_shortest(x, ND__F16, &a);
        for (int sci = 0; sci < 2; sci++) {
            int j = (int)((h + 2 * (unsigned)sci) % 5);
            check_full(x, ND__F16, sci, hopt[j].P, hopt[j].m, hopt[j].unique, &a, &b);
        }
    }
    /* float32 and float64 shortest digits: many */
    long n_short = (long)(200000 * scale);
    for (long i = 0; i < n_short; i++) {
        check_shortest(random_value(ND__F32), ND__F32, &a);
        check_shortest(random_value(ND__F64), ND__F64, &a);
    }
    /* rounding with options (the oracle is slow: fewer) */
    long n_full = (long)(5000 * scale);
    for (long i = 0; i < n_full; i++) {
        nd__fkind k = i & 1 ? ND__F64 : ND__F32;
        double x = random_value(k);
        check_full(x, k, next64() & 1, random_prec(), random_prec(), next64() % 4 != 0, &a, &b);
    }
    /* hand-picked: ties at every position, 10^k neighbours, extremes */
    static const double picks[] = { 0.5, 1.5, 2.5, 0.125, 0.375, 1e23, 9.5, 0.95, 0.995, 5e-324,
        1e-323, 2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740993.0, 0.1, 0.3,
        123456.5, 1e22, 4.35, 2.675, 1e-5, 999999.5, 0.9999999999999999, 1e16, 1e17 };
    for (size_t i = 0; i < sizeof picks / sizeof *picks; i++) {
        double x = picks[i];
        for (int P = -1; P < 25; P++)
            for (int m = -1; m < 25; m += 5)
                for (int f = 0; f < 4; f++) {
                    check_full(x, ND__F64, f & 1, P, m, f & 2, &a, &b);
                    check_full(nextafter(x, 0), ND__F64, f & 1, P, m, f & 2, &a, &b);
                    check_full(nextafter(x, INFINITY), ND__F64, f & 1, P, m, f & 2, &a, &b);
                    if (fabs(x) < 3e38) check_full((float)x, ND__F32, f & 1, P, m, f & 2, &a, &b);
                }
    }
    /* a double that is no value of the kind is printed as the double it is */
    int e = 0;
    CHECK(nd__float_digits(&a, 1e-10, ND__F16, true, -1, -1, true, &e) == 0);
    CHECK_EQ_STR(a.p, "1");
    CHECK_EQ_INT(e, -10);
    CHECK(nd__float_digits(&a, 1e-320, ND__F32, true, -1, -1, true, &e) == 0);
    CHECK_EQ_STR(a.p, "1");
    CHECK_EQ_INT(e, -320);
    CHECK(nd__float_digits(&a, 0.1, ND__F32, false, 20, -1, false, &e) == 0);
    CHECK_EQ_STR(a.p, "10000000000000000555");
    CHECK_EQ_INT(e, -1);
    CHECK_MSG(bad_short == 0, "%d shortest-digit cases differ", bad_short);
    CHECK_MSG(bad_full == 0, "%d rounding cases differ", bad_full);
    nd__sb_free(&a);
    nd__sb_free(&b);
    return check_done();
}
