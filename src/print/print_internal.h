/* Private to src/print: a growable string buffer and the float digit primitives
 * (spec printing.md section 6.1) that the array and scalar formatters build on. */
#ifndef ND_PRINT_INTERNAL_H
#define ND_PRINT_INTERNAL_H

#include "core/internal.h"

/* ------------------------------------------------------------ string buffer */

/* A growable NUL-terminated string.  An allocation failure sets `oom` and later
 * writes do nothing, so callers check once at the end (nd__sb_finish). */
typedef struct nd__sb {
    char *p;
    size_t len, cap;
    bool oom;
} nd__sb;

/* Room for extra more bytes and the NUL; false (and oom set) when out of memory. */
bool nd__sb_grow(nd__sb *sb, size_t extra);

/* Inline: the printers append many short pieces. */
static inline void nd__sb_putn(nd__sb *sb, const char *s, size_t n) {
    if (sb->len + n + 1 > sb->cap && !nd__sb_grow(sb, n)) return;
    memcpy(sb->p + sb->len, s, n);
    sb->len += n;
    sb->p[sb->len] = 0;
}
static inline void nd__sb_puts(nd__sb *sb, const char *s) { nd__sb_putn(sb, s, strlen(s)); }
static inline void nd__sb_putc(nd__sb *sb, char c) {
    if (sb->len + 2 > sb->cap && !nd__sb_grow(sb, 1)) return;
    sb->p[sb->len++] = c;
    sb->p[sb->len] = 0;
}
/* n copies of c (nothing when n <= 0). */
static inline void nd__sb_pad(nd__sb *sb, char c, int64_t n) {
    if (n <= 0 || (sb->len + (size_t)n + 1 > sb->cap && !nd__sb_grow(sb, (size_t)n))) return;
    memset(sb->p + sb->len, c, (size_t)n);
    sb->len += (size_t)n;
    sb->p[sb->len] = 0;
}
void nd__sb_printf(nd__sb *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Drop the content, keep the memory. */
static inline void nd__sb_clear(nd__sb *sb) { sb->len = 0; if (sb->p) sb->p[0] = 0; }
/* Hand the string over (caller frees with nd__dealloc); NULL + memory error on oom.
 * An empty buffer gives "". */
char *nd__sb_finish(nd__sb *sb);
void nd__sb_free(nd__sb *sb);

/* ------------------------------------------------------------ float digits */

/* The binary format a value came from: it fixes the rounding interval of the
 * shortest digits.  The value itself is carried in a double, which holds every
 * float16/float32 exactly. */
typedef enum nd__fkind { ND__F16, ND__F32, ND__F64 } nd__fkind;

/* The shortest digits of a finite x != 0 (in its own format) and what rounding
 * them needs to know about x: computed once, usable by every formatting of x. */
typedef struct nd__fdig {
    char d[24];   /* digits, no trailing zeros, NUL-terminated */
    int n;        /* digit count */
    int exp;      /* decimal position of d[0] */
    int cmp;      /* sign of |x| - digits */
    int q;        /* |x| = c 2^q in x's format */
    uint64_t c;
} nd__fdig;
void nd__float_shortest(double x, nd__fkind kind, nd__fdig *s);

/* Decimal digits of |x| (x finite) per spec 6.1.2: sb receives the digits (no
 * leading or trailing zeros; zero is "0"), *exp the decimal position of the first
 * digit.  sci: P and m count digits after the first significant one, else after
 * the point.  P or m = -1: no maximum / minimum.  Returns 0, or -1 on oom. */
int nd__float_digits(nd__sb *sb, double x, nd__fkind kind, bool sci, int P, int m,
                     bool unique, int *exp);

/* Options of the two string builders (spec 6.1.3 / 6.1.4). */
typedef struct nd__fopts {
    int precision;  /* P, -1 none */
    int min_digits; /* m, -1 none */
    bool unique;
    char trim;      /* 'k', '.', '0', '-' */
    bool plus;      /* '+' for positive values */
    int pad_left;   /* -1 none */
    int pad_right;  /* -1 none (positional only) */
    int exp_digits; /* -1 default 2 (scientific only) */
    const nd__fdig *dig; /* nd__float_shortest of x when known, else NULL */
} nd__fopts;

/* Append POS(x) / SCI(x) for a finite x to out; scratch is a work buffer.
 * Return 0 or -1 (oom). */
int nd__format_positional(nd__sb *out, nd__sb *scratch, double x, nd__fkind kind,
                          const nd__fopts *o);
int nd__format_scientific(nd__sb *out, nd__sb *scratch, double x, nd__fkind kind,
                          const nd__fopts *o);

#endif
