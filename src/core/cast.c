/* Casting between every pair of dtypes, and the nd_value scalars.
 *
 * Numeric casts follow NumPy's C conversions on x86-64, made free of undefined
 * behaviour by range-checking before converting:
 *  - int -> int wraps modulo 2^bits; bool -> number gives 0/1; number -> bool is
 *    "!= 0" (NaN is true; complex: either part non-zero); complex -> real takes the
 *    real part; real -> complex has imaginary part 0.
 *  - float -> int reproduces what gcc's scalar code for NumPy's `(type)value` does on
 *    x86-64 (cvttsd2si/cvttss2si return the "integer indefinite" value 0x80..0 for NaN
 *    and out-of-range input):
 *      int8/int16/int32/uint8/uint16: truncate to int32 (out of range or NaN:
 *        INT32_MIN), then keep the low bits.  So 300.7 -> int8 44, 1e20 -> int8 0,
 *        NaN -> int32 -2147483648.
 *      uint32: truncate to int64 (out of range or NaN: INT64_MIN), keep the low 32
 *        bits.  So -1.5 -> 4294967295, NaN -> 0.
 *      int64: truncate (out of range or NaN: INT64_MIN).
 *      uint64: below 2^63 (and NaN) as int64 reinterpreted; from 2^63 on, convert
 *        x - 2^63 and flip the top bit.  So NaN -> 2^63, inf -> 0, -1.5 -> 2^64-1.
 *    float16 goes through float32 and float32 through the same rules (exact widening).
 *    NumPy's auto-vectorized contiguous loops can differ from its scalar code for some
 *    out-of-range inputs (e.g. float64 -4e9 -> uint32 gives 2147483648 in the middle of
 *    a long array but 294967296 in its tail); nd always gives the scalar result, which
 *    is what NumPy gives for a single element.
 *  - float16 conversions are correctly rounded (half.c), double -> half directly.
 * Text casts: numbers -> S/U write NumPy's str() of the value (bool True/False,
 * decimal ints, shortest round-trip digits for floats of the value's own precision,
 * Python's complex repr), truncated to the width; S/U -> numbers parse Python's
 * int()/float()/complex() syntax (ASCII whitespace, underscores between digits,
 * inf/nan); S <-> U is ASCII.  Failures are reported through nd__cast_failed()
 * (cast.h).  NumPy 2 raises OverflowError for text that parses to an integer out of
 * the target's range (1.24 wrapped); nd follows 2.x. */
#include "core/cast.h"

#include <ctype.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------ numeric conversions */

/* float -> integer as the x86-64 truncating conversions, without undefined behaviour. */
static inline int32_t f2i32(double x)
{
    return (x > -2147483649.0 && x < 2147483648.0) ? (int32_t)x : INT32_MIN;
}
static inline int64_t f2i64(double x)
{
    return (x >= -0x1p63 && x < 0x1p63) ? (int64_t)x : INT64_MIN;
}
static inline uint64_t f2u64(double x)
{
    if (!(x >= 0x1p63))
        return (uint64_t)f2i64(x);
    return (uint64_t)f2i64(x - 0x1p63) ^ (UINT64_C(1) << 63);
}

/* One loaded element: a tag says which fields are meaningful.  After inlining the tag
 * is a constant in each loop, so the switch in the store folds away. */
enum { SV_BOOL, SV_INT, SV_UINT, SV_HALF, SV_FLOAT, SV_DOUBLE, SV_CFLOAT, SV_CDOUBLE };
typedef struct sval {
    int tag;
    int64_t i;
    uint64_t u;
    float f, fi;   /* float, complex64 */
    double d, di;  /* double, complex128 */
    uint16_t h;
} sval;

typedef struct { float re, im; } nd__c64;
typedef struct { double re, im; } nd__c128;

enum { RULE_I32, RULE_I64, RULE_U64 };

static inline uint64_t float_bits_for_int(double x, int rule)
{
    return rule == RULE_I32 ? (uint64_t)(int64_t)f2i32(x)
         : rule == RULE_I64 ? (uint64_t)f2i64(x) : f2u64(x);
}

/* Would the x86-64 conversion NumPy runs for this value raise the invalid flag (NaN,
 * or out of the range its rule converts through)?  Checked per element beside the
 * range-checked conversion, raised once per loop (cast_to.inc): np.seterr sees
 * "invalid value encountered in cast" as with NumPy.  Integers never are. */
static inline int int_invalid(sval v, int rule)
{
    double x;
    switch (v.tag) {
    case SV_HALF: x = (double)nd__half_to_float(v.h); break;
    case SV_FLOAT: case SV_CFLOAT: x = (double)v.f; break;
    case SV_DOUBLE: case SV_CDOUBLE: x = v.d; break;
    default: return 0;
    }
    return rule == RULE_I32 ? !(x > -2147483649.0 && x < 2147483648.0)
         : rule == RULE_I64 ? !(x >= -0x1p63 && x < 0x1p63) : !(x >= -0x1p63 && x < 0x1p64);
}

/* The value as an integer bit pattern, to be truncated to the destination width. */
static inline uint64_t to_int_bits(sval v, int rule)
{
    switch (v.tag) {
    case SV_BOOL: case SV_UINT: return v.u;
    case SV_INT: return (uint64_t)v.i;
    case SV_HALF: return float_bits_for_int((double)nd__half_to_float(v.h), rule);
    case SV_FLOAT: case SV_CFLOAT: return float_bits_for_int((double)v.f, rule);
    default: return float_bits_for_int(v.d, rule);
    }
}
static inline bool to_bool(sval v)
{
    switch (v.tag) {
    case SV_BOOL: case SV_UINT: return v.u != 0;
    case SV_INT: return v.i != 0;
    case SV_HALF: return (v.h & 0x7fff) != 0;
    case SV_FLOAT: return v.f != 0;
    case SV_CFLOAT: return v.f != 0 || v.fi != 0;
    case SV_DOUBLE: return v.d != 0;
    default: return v.d != 0 || v.di != 0;
    }
}
static inline double to_double(sval v)
{
    switch (v.tag) {
    case SV_BOOL: case SV_UINT: return (double)v.u;
    case SV_INT: return (double)v.i;
    case SV_HALF: return nd__half_to_double(v.h);
    case SV_FLOAT: case SV_CFLOAT: return (double)v.f;
    default: return v.d;
    }
}
static inline float to_float(sval v)
{
    switch (v.tag) { /* integers round once, straight to float */
    case SV_BOOL: case SV_UINT: return (float)v.u;
    case SV_INT: return (float)v.i;
    case SV_HALF: return nd__half_to_float(v.h);
    case SV_FLOAT: case SV_CFLOAT: return v.f;
    default: return (float)v.d;
    }
}
static inline uint16_t to_half(sval v)
{
    switch (v.tag) {
    case SV_HALF: return v.h;
    case SV_FLOAT: case SV_CFLOAT: return nd__float_to_half(v.f);
    default: return nd__double_to_half(to_double(v));
    }
}
static inline double imag_double(sval v) { return v.tag == SV_CFLOAT ? (double)v.fi : v.tag == SV_CDOUBLE ? v.di : 0.0; }
static inline float imag_float(sval v) { return v.tag == SV_CFLOAT ? v.fi : v.tag == SV_CDOUBLE ? (float)v.di : 0.0f; }

/* Loads and stores, one per type, generated from small per-kind macros. */
#define ND__INT_ACCESS(name, T, TAG, FIELD, CAST, RULE)                                    \
    enum { size_##name = sizeof(T) };                                                      \
    static inline sval load_##name(const char *p)                                          \
    { T x; memcpy(&x, p, sizeof x); sval v = { .tag = TAG }; v.FIELD = (CAST)x; return v; } \
    static inline void store_##name(char *p, sval v)                                       \
    { T x = (T)to_int_bits(v, RULE); memcpy(p, &x, sizeof x); }                            \
    static inline int invalid_##name(sval v) { return int_invalid(v, RULE); }
ND__INT_ACCESS(int8, int8_t, SV_INT, i, int64_t, RULE_I32)
ND__INT_ACCESS(int16, int16_t, SV_INT, i, int64_t, RULE_I32)
ND__INT_ACCESS(int32, int32_t, SV_INT, i, int64_t, RULE_I32)
ND__INT_ACCESS(int64, int64_t, SV_INT, i, int64_t, RULE_I64)
ND__INT_ACCESS(uint8, uint8_t, SV_UINT, u, uint64_t, RULE_I32)
ND__INT_ACCESS(uint16, uint16_t, SV_UINT, u, uint64_t, RULE_I32)
ND__INT_ACCESS(uint32, uint32_t, SV_UINT, u, uint64_t, RULE_I64)
ND__INT_ACCESS(uint64, uint64_t, SV_UINT, u, uint64_t, RULE_U64)

enum { size_bool_ = 1, size_float16 = 2, size_float32 = 4, size_float64 = 8,
       size_complex64 = 8, size_complex128 = 16 };
/* conversions to non-integers raise their flags themselves (hardware, half.c) */
static inline int invalid_bool_(sval v) { (void)v; return 0; }
#define invalid_float16 invalid_bool_
#define invalid_float32 invalid_bool_
#define invalid_float64 invalid_bool_
#define invalid_complex64 invalid_bool_
#define invalid_complex128 invalid_bool_
static inline sval load_bool_(const char *p) { sval v = { .tag = SV_BOOL }; v.u = *(const unsigned char *)p != 0; return v; }
static inline void store_bool_(char *p, sval v) { *p = (char)to_bool(v); }
static inline sval load_float16(const char *p) { sval v = { .tag = SV_HALF }; memcpy(&v.h, p, 2); return v; }
static inline void store_float16(char *p, sval v) { uint16_t h = to_half(v); memcpy(p, &h, 2); }
static inline sval load_float32(const char *p) { sval v = { .tag = SV_FLOAT }; memcpy(&v.f, p, 4); return v; }
static inline void store_float32(char *p, sval v) { float f = to_float(v); memcpy(p, &f, 4); }
static inline sval load_float64(const char *p) { sval v = { .tag = SV_DOUBLE }; memcpy(&v.d, p, 8); return v; }
static inline void store_float64(char *p, sval v) { double d = to_double(v); memcpy(p, &d, 8); }
static inline sval load_complex64(const char *p)
{ nd__c64 c; memcpy(&c, p, 8); sval v = { .tag = SV_CFLOAT }; v.f = c.re; v.fi = c.im; return v; }
static inline void store_complex64(char *p, sval v)
{ nd__c64 c = { to_float(v), imag_float(v) }; memcpy(p, &c, 8); }
static inline sval load_complex128(const char *p)
{ nd__c128 c; memcpy(&c, p, 16); sval v = { .tag = SV_CDOUBLE }; v.d = c.re; v.di = c.im; return v; }
static inline void store_complex128(char *p, sval v)
{ nd__c128 c = { to_double(v), imag_double(v) }; memcpy(p, &c, 16); }

/* The numeric types in nd_type order: the one list the loop table is built from. */
#define ND__NUMERIC_TYPES(X) X(bool_) X(int8) X(int16) X(int32) X(int64) X(uint8) X(uint16) \
    X(uint32) X(uint64) X(float16) X(float32) X(float64) X(complex64) X(complex128)

#define ND__DST bool_
#include "cast_to.inc"
#undef ND__DST
#define ND__DST int8
#include "cast_to.inc"
#undef ND__DST
#define ND__DST int16
#include "cast_to.inc"
#undef ND__DST
#define ND__DST int32
#include "cast_to.inc"
#undef ND__DST
#define ND__DST int64
#include "cast_to.inc"
#undef ND__DST
#define ND__DST uint8
#include "cast_to.inc"
#undef ND__DST
#define ND__DST uint16
#include "cast_to.inc"
#undef ND__DST
#define ND__DST uint32
#include "cast_to.inc"
#undef ND__DST
#define ND__DST uint64
#include "cast_to.inc"
#undef ND__DST
#define ND__DST float16
#include "cast_to.inc"
#undef ND__DST
#define ND__DST float32
#include "cast_to.inc"
#undef ND__DST
#define ND__DST float64
#include "cast_to.inc"
#undef ND__DST
#define ND__DST complex64
#include "cast_to.inc"
#undef ND__DST
#define ND__DST complex128
#include "cast_to.inc"
#undef ND__DST

#define ND__ROW_(D) casts_to_##D,
static const nd__cast_fn *const numeric_casts[] = { ND__NUMERIC_TYPES(ND__ROW_) };
#undef ND__ROW_
_Static_assert(sizeof numeric_casts / sizeof numeric_casts[0] == ND_TYPE_COMPLEX128 + 1,
               "one row per numeric type");

/* Load any numeric element (for formatting and nd_value). */
static sval load_any(nd_type t, const char *p)
{
#define ND__ENUM_(N) k_##N,
#define ND__LOAD_CASE_(N) case k_##N: return load_##N(p);
    enum { ND__NUMERIC_TYPES(ND__ENUM_) k_end_ };
    switch ((int)t) {
    ND__NUMERIC_TYPES(ND__LOAD_CASE_)
    default: { sval v = { .tag = SV_BOOL }; return v; }
    }
#undef ND__LOAD_CASE_
#undef ND__ENUM_
}

/* ------------------------------------------------------------- failures */

static _Thread_local bool cast_failed_flag;

int nd__cast_failed(void)
{
    bool f = cast_failed_flag;
    cast_failed_flag = false;
    return f ? -1 : 0;
}

/* Record the first failure of a loop run (later ones keep the first message). */
#define CAST_FAIL(...) do { if (!cast_failed_flag) { nd__err(__VA_ARGS__); cast_failed_flag = true; } } while (0)

/* ------------------------------------------------------------- text access */

static bool is_text(const nd_dtype_t *d) { return d->type == ND_TYPE_BYTES || d->type == ND_TYPE_STR; }
static int64_t text_width(const nd_dtype_t *d) { return d->type == ND_TYPE_STR ? d->itemsize / 4 : d->itemsize; }

static uint32_t text_char(const nd_dtype_t *d, const char *p, int64_t k)
{
    if (d->type == ND_TYPE_BYTES)
        return (unsigned char)p[k];
    uint32_t c;
    memcpy(&c, p + 4 * k, 4);
    return c;
}

/* Length without the trailing NULs (NumPy strips them when reading an element). */
static int64_t text_len(const nd_dtype_t *d, const char *p)
{
    int64_t n = text_width(d);
    while (n > 0 && text_char(d, p, n - 1) == 0)
        n--;
    return n;
}

static void put_char(const nd_dtype_t *d, char *p, int64_t k, uint32_t c)
{
    if (d->type == ND_TYPE_BYTES)
        p[k] = (char)c;
    else
        memcpy(p + 4 * k, &c, 4);
}

/* Write ASCII text s (n chars) into one element of S/U dtype d: truncate or NUL-pad. */
static void put_ascii(const nd_dtype_t *d, char *p, const char *s, int64_t n)
{
    int64_t w = text_width(d);
    for (int64_t k = 0; k < w; k++)
        put_char(d, p, k, k < n ? (unsigned char)s[k] : 0);
}

/* Python's repr of the element's text, for error messages: b'..' for S, '..' for U. */
static void text_repr(const nd_dtype_t *d, const char *p, char *out, size_t cap)
{
    int64_t n = text_len(d, p);
    bool has_sq = false, has_dq = false;
    for (int64_t k = 0; k < n; k++) {
        uint32_t c = text_char(d, p, k);
        has_sq |= c == '\'';
        has_dq |= c == '"';
    }
    char q = has_sq && !has_dq ? '"' : '\'';
    size_t o = 0;
#define PUT_(...) do { if (o < cap) o += (size_t)snprintf(out + o, cap - o, __VA_ARGS__); } while (0)
    PUT_("%s%c", d->type == ND_TYPE_BYTES ? "b" : "", q);
    for (int64_t k = 0; k < n && o + 12 < cap; k++) {
        uint32_t c = text_char(d, p, k);
        if (c == '\\' || c == (uint32_t)q) PUT_("\\%c", (char)c);
        else if (c == '\n') PUT_("\\n");
        else if (c == '\t') PUT_("\\t");
        else if (c == '\r') PUT_("\\r");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && (d->type == ND_TYPE_BYTES || c < 0xa0)))
            PUT_("\\x%02x", (unsigned)c);
        else if (c < 0x80) PUT_("%c", (char)c);
        else if (c < 0x800) PUT_("%c%c", (char)(0xc0 | (c >> 6)), (char)(0x80 | (c & 0x3f)));
        else if (c < 0x10000) PUT_("%c%c%c", (char)(0xe0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3f)),
                                   (char)(0x80 | (c & 0x3f)));
        else PUT_("%c%c%c%c", (char)(0xf0 | (c >> 18)), (char)(0x80 | ((c >> 12) & 0x3f)),
                  (char)(0x80 | ((c >> 6) & 0x3f)), (char)(0x80 | (c & 0x3f)));
    }
    PUT_("%c", q);
#undef PUT_
}

/* ----------------------------------------------------------- formatting */

/* Shortest decimal digits that read back to x in its own precision (bits 16/32/64):
 * digits into dig (no dot), returns their count; *e10 is the exponent of the first. */
static int shortest_digits(double x, int bits, char *dig, int *e10)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        bool ok;
        if (bits == 64)
            ok = strtod(buf, NULL) == x;
        else if (bits == 32)
            ok = strtof(buf, NULL) == (float)x;
        else
            ok = nd__double_to_half(strtod(buf, NULL)) == nd__double_to_half(x);
        if (ok || prec == 17)
            break;
    }
    int n = 0;
    const char *s = buf;
    for (; *s && *s != 'e'; s++)
        if (isdigit((unsigned char)*s))
            dig[n++] = *s;
    *e10 = atoi(s + 1);
    while (n > 1 && dig[n - 1] == '0') /* %.e may pad: drop trailing zeros */
        n--;
    dig[n] = 0;
    return n;
}

/* NumPy's str() of a real float: positional for 1e-4 <= |x| < 1e16, else scientific
 * with a two-digit exponent minimum; dot0 appends ".0" to integral positional values
 * (off inside complex numbers, as Python's complex repr). */
static int format_real(double x, int bits, bool dot0, char *out, size_t cap)
{
    if (isnan(x))
        return snprintf(out, cap, "nan");
    if (isinf(x))
        return snprintf(out, cap, x < 0 ? "-inf" : "inf");
    const char *sign = signbit(x) ? "-" : "";
    if (x == 0)
        return snprintf(out, cap, "%s0%s", sign, dot0 ? ".0" : "");
    char dig[24];
    int e10, n = shortest_digits(x, bits, dig, &e10);
    double ax = fabs(x);
    if (ax >= 1e-4 && ax < 1e16) {
        char t[64];
        int o = 0, point = e10 + 1; /* digits before the decimal point */
        if (point <= 0) {
            t[o++] = '0';
            t[o++] = '.';
            for (int k = 0; k < -point; k++)
                t[o++] = '0';
            for (int k = 0; k < n; k++)
                t[o++] = dig[k];
        } else {
            for (int k = 0; k < point; k++)
                t[o++] = k < n ? dig[k] : '0';
            if (point < n) {
                t[o++] = '.';
                for (int k = point; k < n; k++)
                    t[o++] = dig[k];
            } else if (dot0) {
                t[o++] = '.';
                t[o++] = '0';
            }
        }
        t[o] = 0;
        return snprintf(out, cap, "%s%s", sign, t);
    }
    return snprintf(out, cap, "%s%c%s%se%c%02d", sign, dig[0], n > 1 ? "." : "", dig + 1,
                    e10 < 0 ? '-' : '+', abs(e10));
}

int64_t nd__cast_string_width(const nd_dtype_t *d)
{
    static const int64_t by_size[9] = { 0, 3, 5, 0, 10, 0, 0, 0, 20 };
    if (!d)
        return 0;
    switch (d->kind) {
    case 'b': return 5;
    case 'u': return by_size[d->itemsize];
    case 'i': return by_size[d->itemsize] + 1;
    case 'f': return 32;
    case 'c': return 64;
    default: return is_text(d) ? text_width(d) : d->itemsize;
    }
}

int nd__format_scalar(const nd_dtype_t *d, const void *src, char *buf, size_t cap)
{
    if (!d || !src || !buf || cap == 0 || !nd__is_numeric(d))
        return -1;
    sval v = load_any(d->type, src);
    int bits = d->type == ND_TYPE_FLOAT16 ? 16 : (d->type == ND_TYPE_FLOAT32 || d->type == ND_TYPE_COMPLEX64) ? 32 : 64;
    switch (v.tag) {
    case SV_BOOL: return snprintf(buf, cap, "%s", v.u ? "True" : "False");
    case SV_INT: return snprintf(buf, cap, "%lld", (long long)v.i);
    case SV_UINT: return snprintf(buf, cap, "%llu", (unsigned long long)v.u);
    case SV_CFLOAT: case SV_CDOUBLE: {
        double re = to_double(v), im = imag_double(v);
        char rs[48], is[48];
        format_real(im, bits, false, is, sizeof is);
        if (re == 0 && !signbit(re))
            return snprintf(buf, cap, "%sj", is);
        format_real(re, bits, false, rs, sizeof rs);
        return snprintf(buf, cap, "(%s%s%sj)", rs, is[0] == '-' ? "" : "+", is);
    }
    default:
        return format_real(to_double(v), bits, true, buf, cap);
    }
}

/* ------------------------------------------------------------- parsing */

/* The element's text as ASCII in buf (at most cap-1 chars, NUL-terminated), with
 * Python's surrounding whitespace stripped.  False if it holds a non-ASCII character
 * or does not fit (neither can be a valid number for nd's parser). */
static bool text_ascii(const nd_dtype_t *d, const char *p, char *buf, size_t cap)
{
    int64_t n = text_len(d, p), a = 0;
    while (a < n && text_char(d, p, a) < 0x80 && isspace((int)text_char(d, p, a)))
        a++;
    while (n > a && text_char(d, p, n - 1) < 0x80 && isspace((int)text_char(d, p, n - 1)))
        n--;
    if (n - a >= (int64_t)cap)
        return false;
    for (int64_t k = a; k < n; k++) {
        uint32_t c = text_char(d, p, k);
        if (c == 0 || c >= 0x80)
            return false;
        buf[k - a] = (char)c;
    }
    buf[n - a] = 0;
    return true;
}

/* Digits with single underscores between them (Python's literal rule), copied to out
 * without the underscores.  Returns the number of characters consumed (0: none). */
static size_t scan_digits(const char *s, char *out, size_t *o)
{
    size_t k = 0;
    if (!isdigit((unsigned char)s[0]))
        return 0;
    for (;;) {
        while (isdigit((unsigned char)s[k]))
            out[(*o)++] = s[k++];
        if (s[k] == '_' && isdigit((unsigned char)s[k + 1]))
            k++;
        else
            return k;
    }
}

/* A Python float literal at the start of s (sign, digits, point, exponent, inf, nan).
 * Writes the C-readable text to out; returns the characters consumed (0: none). */
static size_t scan_float(const char *s, char *out)
{
    size_t k = 0, o = 0;
    if (s[k] == '+' || s[k] == '-')
        out[o++] = s[k++];
    static const char *const words[] = { "infinity", "inf", "nan" };
    for (int w = 0; w < 3; w++) {
        size_t L = strlen(words[w]);
        if (strncasecmp(s + k, words[w], L) == 0) {
            memcpy(out + o, words[w], L + 1);
            return k + L;
        }
    }
    size_t a = scan_digits(s + k, out, &o), b = 0;
    k += a;
    if (s[k] == '.') {
        out[o++] = s[k++];
        b = scan_digits(s + k, out, &o);
        k += b;
    }
    if (a == 0 && b == 0)
        return 0;
    if (s[k] == 'e' || s[k] == 'E') {
        size_t k2 = k + 1, o2 = o;
        out[o2++] = 'e';
        if (s[k2] == '+' || s[k2] == '-')
            out[o2++] = s[k2++];
        size_t c = scan_digits(s + k2, out, &o2);
        if (c) {
            k = k2 + c;
            o = o2;
        }
    }
    out[o] = 0;
    return k;
}

/* Python's int(text): sign and digits only.  *neg, *mag (saturating) and *big (does
 * not fit 64 bits); digits (normalized, for messages) into norm. */
static bool parse_int(const char *s, bool *neg, uint64_t *mag, bool *big, char *norm, size_t cap)
{
    size_t k = 0, o = 0;
    *neg = false;
    if (s[k] == '+' || s[k] == '-')
        *neg = s[k++] == '-';
    char *digits = norm + 1;
    size_t n = scan_digits(s + k, digits, &o);
    if (n == 0 || s[k + n] != 0 || o + 2 >= cap)
        return false;
    digits[o] = 0;
    *mag = 0;
    *big = false;
    size_t first = 0;
    while (first + 1 < o && digits[first] == '0')
        first++;
    for (size_t j = first; j < o; j++) {
        uint64_t dgt = (uint64_t)(digits[j] - '0');
        if (*mag > (UINT64_MAX - dgt) / 10)
            *big = true;
        else
            *mag = *mag * 10 + dgt;
    }
    bool zero = o - first == 1 && digits[first] == '0';
    memmove(norm + (*neg && !zero ? 1 : 0), digits + first, o - first + 1);
    if (*neg && !zero)
        norm[0] = '-';
    return true;
}

static bool parse_float(const char *s, double *x)
{
    char c[512];
    size_t k = scan_float(s, c);
    if (k == 0 || s[k] != 0)
        return false;
    *x = strtod(c, NULL);
    return true;
}

/* Python's complex(text): "a", "bj", "a+bj", "j", with optional parentheses. */
static bool parse_complex(const char *s, double *re, double *im)
{
    char t[512], c[512];
    size_t n = strlen(s);
    if (n >= sizeof t)
        return false;
    memcpy(t, s, n + 1);
    if (n >= 2 && t[0] == '(' && t[n - 1] == ')') {
        t[n - 1] = 0;
        char *a = t + 1;
        while (isspace((unsigned char)*a))
            a++;
        size_t m = strlen(a);
        while (m > 0 && isspace((unsigned char)a[m - 1]))
            a[--m] = 0;
        memmove(t, a, m + 1);
    }
    const char *p = t;
    *re = 0;
    *im = 0;
    size_t k = scan_float(p, c);
    double first = k ? strtod(c, NULL) : 0;
    if (k == 0 && (p[0] == '+' || p[0] == '-') && (p[1] == 'j' || p[1] == 'J') && !p[2]) {
        *im = p[0] == '-' ? -1 : 1;
        return true;
    }
    if (k == 0)
        return (p[0] == 'j' || p[0] == 'J') && !p[1] && ((*im = 1), true);
    p += k;
    if (!*p) {
        *re = first;
        return true;
    }
    if ((*p == 'j' || *p == 'J') && !p[1]) {
        *im = first;
        return true;
    }
    if (*p != '+' && *p != '-')
        return false;
    *re = first;
    if ((p[1] == 'j' || p[1] == 'J') && !p[2]) {
        *im = *p == '-' ? -1 : 1;
        return true;
    }
    k = scan_float(p, c);
    if (k == 0 || (p[k] != 'j' && p[k] != 'J') || p[k + 1])
        return false;
    *im = strtod(c, NULL);
    return true;
}

/* Bounds of the integer types, for NumPy 2's OverflowError on parsed text. */
static bool int_fits(const nd_dtype_t *d, bool neg, uint64_t mag, bool big)
{
    if (d->kind == 'b')
        return true;
    if (big)
        return false;
    int bits = (int)d->itemsize * 8;
    if (d->kind == 'u')
        return (!neg || mag == 0) && (bits == 64 || mag <= (UINT64_C(1) << bits) - 1);
    uint64_t lim = UINT64_C(1) << (bits - 1);
    return neg ? mag <= lim : mag < lim;
}

/* Text -> number, one element. */
static void parse_one(const nd_dtype_t *dd, char *dst, const nd_dtype_t *sd, const char *src)
{
    char text[512], norm[600], rep[160];
    bool ok = text_ascii(sd, src, text, sizeof text);
    memset(dst, 0, (size_t)dd->itemsize);
    if (dd->kind == 'b' || dd->kind == 'i' || dd->kind == 'u') {
        bool neg, big;
        uint64_t mag;
        if (!ok || !parse_int(text, &neg, &mag, &big, norm, sizeof norm)) {
            text_repr(sd, src, rep, sizeof rep);
            CAST_FAIL(ND_ERR_VALUE, "invalid literal for int() with base 10: %s", rep);
            return;
        }
        if (!int_fits(dd, neg, mag, big)) {
            CAST_FAIL(ND_ERR_OVERFLOW, "Python integer %s out of bounds for %s", norm, dd->name);
            return;
        }
        sval v = { .tag = SV_UINT };
        v.u = big ? 1 : neg ? (uint64_t)0 - mag : mag;
        numeric_casts[dd->type][ND_TYPE_UINT64](dst, 0, (const char *)&v.u, 0, 1, dd, ND_UINT64);
        return;
    }
    double re = 0, im = 0;
    if (dd->kind == 'c') {
        if (!ok || !parse_complex(text, &re, &im)) {
            CAST_FAIL(ND_ERR_VALUE, "complex() arg is a malformed string");
            return;
        }
    } else if (!ok || !parse_float(text, &re)) {
        text_repr(sd, src, rep, sizeof rep);
        CAST_FAIL(ND_ERR_VALUE, "could not convert string to float: %s", rep);
        return;
    }
    nd__c128 c = { re, im };
    numeric_casts[dd->type][ND_TYPE_COMPLEX128](dst, 0, (const char *)&c, 0, 1, dd, ND_COMPLEX128);
}

/* ------------------------------------------------------------ text loops */

static void cast_text_to_number(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n,
                                const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    for (int64_t k = 0; k < n; k++)
        parse_one(dd, dst + k * ds, sd, src + k * ss);
}

static void cast_number_to_text(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n,
                                const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    char buf[128];
    for (int64_t k = 0; k < n; k++) {
        int len = nd__format_scalar(sd, src + k * ss, buf, sizeof buf);
        put_ascii(dd, dst + k * ds, buf, len < 0 ? 0 : len);
    }
}

/* S->S, U->U, S->U (ASCII decode) and U->S (ASCII encode): copy, truncate, NUL-pad. */
static void cast_text_to_text(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n,
                              const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    int64_t wd = text_width(dd);
    bool check = dd->type != sd->type;
    for (int64_t k = 0; k < n; k++) {
        const char *s = src + k * ss;
        char *d = dst + k * ds;
        int64_t len = check ? text_len(sd, s) : text_width(sd);
        for (int64_t j = 0; j < wd; j++) {
            uint32_t c = j < len ? text_char(sd, s, j) : 0;
            if (check && c >= 0x80) {
                if (sd->type == ND_TYPE_BYTES)
                    CAST_FAIL(ND_ERR_VALUE, "'ascii' codec can't decode byte 0x%02x in position %lld: "
                              "ordinal not in range(128)", (unsigned)c, (long long)j);
                else
                    CAST_FAIL(ND_ERR_VALUE, "'ascii' codec can't encode character '%s%0*x' in "
                              "position %lld: ordinal not in range(128)",
                              c < 0x100 ? "\\x" : c < 0x10000 ? "\\u" : "\\U",
                              c < 0x100 ? 2 : c < 0x10000 ? 4 : 8, (unsigned)c, (long long)j);
                c = 0;
            }
            put_char(dd, d, j, c);
        }
    }
}

static void cast_void_copy(char *dst, int64_t ds, const char *src, int64_t ss, int64_t n,
                           const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    for (int64_t k = 0; k < n; k++)
        memmove(dst + k * ds, src + k * ss, (size_t)dd->itemsize);
}

nd__cast_fn nd__get_cast(const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    if (!dd || !sd)
        return nd__err(ND_ERR_VALUE, "cast: dtype is NULL");
    if (nd__is_numeric(dd) && nd__is_numeric(sd))
        return numeric_casts[dd->type][sd->type];
    if (is_text(dd) && is_text(sd))
        return cast_text_to_text;
    if (is_text(dd) && nd__is_numeric(sd))
        return cast_number_to_text;
    if (nd__is_numeric(dd) && is_text(sd))
        return cast_text_to_number;
    if (dd->type == ND_TYPE_VOID && sd->type == ND_TYPE_VOID && dd->itemsize == sd->itemsize &&
        dd->nfields == 0 && sd->nfields == 0)
        return cast_void_copy;
    return nd__err(ND_ERR_NOT_SUPPORTED, "casting from %s to %s is not supported", sd->str, dd->str);
}

bool nd__cast_can_fail(const nd_dtype_t *dd, const nd_dtype_t *sd)
{
    return dd && sd && ((is_text(sd) && nd__is_numeric(dd)) || (is_text(sd) && is_text(dd) &&
                                                                 sd->type != dd->type));
}

int nd__cast_run(const nd_dtype_t *dd, const nd_dtype_t *sd, char *dst, int64_t ds,
                 const char *src, int64_t ss, int64_t n)
{
    nd__cast_fn f = nd__get_cast(dd, sd);
    if (!f)
        return -1;
    cast_failed_flag = false;
    f(dst, ds, src, ss, n, dd, sd);
    return nd__cast_failed();
}

/* ------------------------------------------------------------- scalars */

nd_value nd_value_bool(bool x) { nd_value v = { ND_BOOL, true, { .b = x } }; return v; }
nd_value nd_value_int(long long x) { nd_value v = { ND_INT64, true, { .i = x } }; return v; }
/* A C unsigned value is a Python int: int64 when it fits, else uint64 (as np.array). */
nd_value nd_value_uint(unsigned long long x)
{
    if (x <= (unsigned long long)INT64_MAX)
        return nd_value_int((long long)x);
    nd_value v = { ND_UINT64, true, { .u = x } };
    return v;
}
nd_value nd_value_double(double x) { nd_value v = { ND_FLOAT64, true, { .f = x } }; return v; }
nd_value nd_value_complex(double re, double im)
{
    nd_value v = { ND_COMPLEX128, true, { .c = { re, im } } };
    return v;
}
nd_value nd_value_cdouble(_Complex double z) { return nd_value_complex(__real__ z, __imag__ z); }
nd_value nd_value_identity_(nd_value x) { return x; }

/* The value in its dtype's own storage (buf >= 16 bytes); the dtype, or NULL if invalid. */
static const nd_dtype_t *value_bytes(nd_value v, char *buf)
{
    const nd_dtype_t *t = v.dtype;
    if (!t || !nd__is_numeric(t))
        return NULL;
    switch (t->kind) { /* the union holds the widest type of the kind */
    case 'b': buf[0] = (char)v.v.b; return t;
    case 'i': numeric_casts[t->type][ND_TYPE_INT64](buf, 0, (const char *)&v.v.i, 0, 1, t, ND_INT64); return t;
    case 'u': numeric_casts[t->type][ND_TYPE_UINT64](buf, 0, (const char *)&v.v.u, 0, 1, t, ND_UINT64); return t;
    case 'f': numeric_casts[t->type][ND_TYPE_FLOAT64](buf, 0, (const char *)&v.v.f, 0, 1, t, ND_FLOAT64); return t;
    default: {
        nd__c128 c = { v.v.c.re, v.v.c.im };
        numeric_casts[t->type][ND_TYPE_COMPLEX128](buf, 0, (const char *)&c, 0, 1, t, ND_COMPLEX128);
        return t;
    }
    }
}

int nd__value_store(const nd_dtype_t *d, void *dst, nd_value v)
{
    char buf[16];
    const nd_dtype_t *t = value_bytes(v, buf);
    if (!d || !dst || !t) {
        nd__err(ND_ERR_VALUE, "invalid scalar value or dtype");
        return -1;
    }
    return nd__cast_run(d, t, dst, 0, buf, 0, 1);
}

nd_value nd__value_load(const nd_dtype_t *d, const void *src)
{
    nd_value v = { NULL, false, { .u = 0 } };
    if (!d || !src || !nd__is_numeric(d))
        return v;
    v.dtype = nd_dtype_from_type(d->type);
    sval s = load_any(d->type, src);
    switch (d->kind) {
    case 'b': v.v.b = to_bool(s); break;
    case 'i': v.v.i = s.i; break;
    case 'u': v.v.u = s.u; break;
    case 'f': v.v.f = to_double(s); break;
    default: v.v.c.re = to_double(s); v.v.c.im = imag_double(s); break;
    }
    return v;
}

const nd_dtype_t *nd__value_dtype(nd_value v) { return v.dtype ? v.dtype : ND_FLOAT64; }

nd_value nd_value_typed(const nd_dtype_t *d, double x)
{
    char buf[16];
    if (!d || !nd__is_numeric(d)) {
        nd__err(ND_ERR_TYPE, "nd_value_typed: a numeric dtype is required");
        nd_value bad = { NULL, false, { .u = 0 } };
        return bad;
    }
    numeric_casts[d->type][ND_TYPE_FLOAT64](buf, 0, (const char *)&x, 0, 1, d, ND_FLOAT64);
    return nd__value_load(d, buf);
}
