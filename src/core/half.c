/* float16 (IEEE 754 binary16) conversions, correctly rounded (round to nearest, ties
 * to even), with subnormals, signed zeros, infinities and NaN payloads kept as NumPy's
 * npy_half functions keep them.  double -> half rounds once, straight from the double
 * (rounding through float first could round twice, e.g. for 2049 + 2^-20 in float
 * range it would not, but for values near a half tie it can). */
#include "core/internal.h"

#include <fenv.h>

/* The floating-point flags NumPy's half conversion raises: overflow when a finite value
 * becomes inf, underflow when a nonzero value loses bits below the smallest normal
 * (it becomes 0 or an inexact subnormal).  Raised in the FPU, where the ufunc engine
 * (np.seterr) looks for them; only on those rare paths. */
static void raise_flag(int e) { feraiseexcept(e); }

/* NaN payload: keep the top 10 bits of the significand; never let a NaN become inf. */
static uint16_t nan_to_half(uint16_t sign, uint64_t top10)
{
    uint16_t r = (uint16_t)(0x7c00u | (top10 & 0x3ffu));
    if (r == 0x7c00u)
        r++;
    return (uint16_t)(sign | r);
}

uint16_t nd__double_to_half(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    uint16_t sign = (uint16_t)((b >> 48) & 0x8000u);
    int e = (int)((b >> 52) & 0x7ff);
    uint64_t m = b & ((UINT64_C(1) << 52) - 1);
    if (e == 0x7ff)
        return m ? nan_to_half(sign, m >> 42) : (uint16_t)(sign | 0x7c00u);
    int E = e - 1023;            /* unbiased exponent of a normal double */
    if (E >= 16) {               /* |x| >= 65536: overflows to inf */
        raise_flag(FE_OVERFLOW);
        return (uint16_t)(sign | 0x7c00u);
    }
    if (e == 0 || E < -25) {     /* below half of the smallest subnormal: zero */
        if (e || m) raise_flag(FE_UNDERFLOW);
        return sign;
    }
    uint64_t sig = m | (UINT64_C(1) << 52);
    /* Keep 11 bits for normals (x = sig * 2^(E-52)); subnormals are counted in
     * units of 2^-24, i.e. sig * 2^(E-28). */
    int shift = E >= -14 ? 42 : 28 - E;     /* 42 .. 53 */
    uint64_t q = sig >> shift;
    uint64_t rem = sig & ((UINT64_C(1) << shift) - 1);
    uint64_t halfway = UINT64_C(1) << (shift - 1);
    if (rem > halfway || (rem == halfway && (q & 1)))
        q++;
    if (E >= -14) { /* q holds the implicit bit, which adds one to the exponent field */
        uint16_t h = (uint16_t)((uint64_t)(E + 14) * 0x400u + q);
        if (h == 0x7c00u) raise_flag(FE_OVERFLOW); /* rounded up to inf (65520 and up) */
        return (uint16_t)(sign | h);
    }
    if (rem) raise_flag(FE_UNDERFLOW);      /* an inexact subnormal */
    return (uint16_t)(sign | q);            /* q == 0x400 is the smallest normal */
}

uint16_t nd__float_to_half(float x)
{
    uint32_t b;
    memcpy(&b, &x, sizeof b);
    if ((b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffffu))
        return nan_to_half((uint16_t)((b >> 16) & 0x8000u), (b & 0x7fffffu) >> 13);
    return nd__double_to_half((double)x); /* exact widening, then one rounding */
}

float nd__half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    uint32_t e = (h >> 10) & 0x1f, m = h & 0x3ffu;
    uint32_t b;
    if (e == 0x1f) {
        b = sign | 0x7f800000u | (m << 13);
    } else if (e == 0) {
        float f = (float)m * 0x1p-24f; /* exact: m < 2^10 */
        memcpy(&b, &f, sizeof b);
        b |= sign;
    } else {
        b = sign | ((e + 112) << 23) | (m << 13);
    }
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

double nd__half_to_double(uint16_t h)
{
    uint64_t sign = (uint64_t)(h & 0x8000u) << 48;
    uint64_t e = (h >> 10) & 0x1f, m = h & 0x3ffu;
    uint64_t b;
    if (e == 0x1f) {
        b = sign | (UINT64_C(0x7ff) << 52) | (m << 42);
    } else if (e == 0) {
        double d = (double)m * 0x1p-24;
        memcpy(&b, &d, sizeof b);
        b |= sign;
    } else {
        b = sign | ((e + 1008) << 52) | (m << 42);
    }
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}
