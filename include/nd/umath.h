/* nd/umath.h: the math ufuncs (np.exp ... np.bitwise_count) and the functions NumPy
 * builds from ufuncs (real, imag, angle, around, clip, nan_to_num, isclose ...).
 * Included by <nd.h>.  The ufuncs take the same operands and options as those of
 * nd/ufunc.h (ND_OPERAND arrays or C numbers, .out, .where, .dtype, .casting, .order)
 * and return a new array, or .out without a new reference, or NULL with an error
 * (TypeError when no loop fits the input dtypes, as NumPy).  Float results are libm's
 * (or glibc's vector math, within 4 ulp, for exp/log/sin/cos/tanh on contiguous
 * float32/float64), so they can differ from NumPy's in the last bits. */
#ifndef ND_UMATH_H
#define ND_UMATH_H

#include "nd/ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

extern const nd_ufunc *const nd_ufunc_exp,
    *const nd_ufunc_exp2,
    *const nd_ufunc_expm1,
    *const nd_ufunc_log,
    *const nd_ufunc_log2,
    *const nd_ufunc_log10,
    *const nd_ufunc_log1p,
    *const nd_ufunc_sin,
    *const nd_ufunc_cos,
    *const nd_ufunc_tan,
    *const nd_ufunc_arcsin,
    *const nd_ufunc_arccos,
    *const nd_ufunc_arctan,
    *const nd_ufunc_sinh,
    *const nd_ufunc_cosh,
    *const nd_ufunc_tanh,
    *const nd_ufunc_arcsinh,
    *const nd_ufunc_arccosh,
    *const nd_ufunc_arctanh,
    *const nd_ufunc_cbrt,
    *const nd_ufunc_reciprocal,
    *const nd_ufunc_sign,
    *const nd_ufunc_fabs,
    *const nd_ufunc_rint,
    *const nd_ufunc_floor,
    *const nd_ufunc_ceil,
    *const nd_ufunc_trunc,
    *const nd_ufunc_degrees,
    *const nd_ufunc_radians,
    *const nd_ufunc_deg2rad,
    *const nd_ufunc_rad2deg,
    *const nd_ufunc_isnan,
    *const nd_ufunc_isinf,
    *const nd_ufunc_isfinite,
    *const nd_ufunc_signbit,
    *const nd_ufunc_spacing,
    *const nd_ufunc_conjugate,
    *const nd_ufunc_bitwise_count,
    *const nd_ufunc_arctan2,
    *const nd_ufunc_hypot,
    *const nd_ufunc_logaddexp,
    *const nd_ufunc_logaddexp2,
    *const nd_ufunc_copysign,
    *const nd_ufunc_nextafter,
    *const nd_ufunc_ldexp,
    *const nd_ufunc_heaviside,
    *const nd_ufunc_gcd,
    *const nd_ufunc_lcm,
    *const nd_ufunc_float_power,
    *const nd_ufunc_frexp,
    *const nd_ufunc_modf;

/** np.exp, np.exp2 (2**x), np.expm1 (exp(x) - 1, accurate near 0) */
ND_UFUNC_UNARY_(exp)
ND_UFUNC_UNARY_(exp2)
ND_UFUNC_UNARY_(expm1)
/** np.log, np.log2, np.log10, np.log1p (log(1 + x)); complex: principal branch (cut along the negative real axis, imaginary part pi with the sign of a signed zero) */
ND_UFUNC_UNARY_(log)
ND_UFUNC_UNARY_(log2)
ND_UFUNC_UNARY_(log10)
ND_UFUNC_UNARY_(log1p)
/** np.sin, np.cos, np.tan, np.arcsin, np.arccos, np.arctan and the hyperbolic np.sinh, np.cosh, np.tanh, np.arcsinh, np.arccosh, np.arctanh; complex inputs use C99's branch cuts, which are NumPy's */
ND_UFUNC_UNARY_(sin)
ND_UFUNC_UNARY_(cos)
ND_UFUNC_UNARY_(tan)
ND_UFUNC_UNARY_(arcsin)
ND_UFUNC_UNARY_(arccos)
ND_UFUNC_UNARY_(arctan)
ND_UFUNC_UNARY_(sinh)
ND_UFUNC_UNARY_(cosh)
ND_UFUNC_UNARY_(tanh)
ND_UFUNC_UNARY_(arcsinh)
ND_UFUNC_UNARY_(arccosh)
ND_UFUNC_UNARY_(arctanh)
/** np.cbrt (real only) */
ND_UFUNC_UNARY_(cbrt)
/** np.reciprocal: 1/x; for integers 1/x truncated (0 for |x| >= 2; 1/0 gives x86's integer-indefinite value and the divide flag, as NumPy on x86-64) */
ND_UFUNC_UNARY_(reciprocal)
/** np.sign: -1, 0, 1 (NaN stays NaN); complex: NumPy 2's z/|z|; bool: TypeError */
ND_UFUNC_UNARY_(sign)
/** np.fabs (real floats), np.rint (half to even), np.floor, np.ceil, np.trunc */
ND_UFUNC_UNARY_(fabs)
ND_UFUNC_UNARY_(rint)
ND_UFUNC_UNARY_(floor)
ND_UFUNC_UNARY_(ceil)
ND_UFUNC_UNARY_(trunc)
/** np.degrees == np.rad2deg, np.radians == np.deg2rad */
ND_UFUNC_UNARY_(degrees)
ND_UFUNC_UNARY_(radians)
ND_UFUNC_UNARY_(deg2rad)
ND_UFUNC_UNARY_(rad2deg)
/** np.isnan, np.isinf, np.isfinite, np.signbit: bool results (integers: never NaN / inf) */
ND_UFUNC_UNARY_(isnan)
ND_UFUNC_UNARY_(isinf)
ND_UFUNC_UNARY_(isfinite)
ND_UFUNC_UNARY_(signbit)
/** np.spacing: distance to the next float away from zero, signed like x (inf: NaN) */
ND_UFUNC_UNARY_(spacing)
/** np.conjugate / np.conj (numbers other than complex are returned unchanged) */
ND_UFUNC_UNARY_(conjugate)
/** np.bitwise_count (NumPy 2): number of 1 bits of |x|, uint8 result */
ND_UFUNC_UNARY_(bitwise_count)
/** np.arctan2(y, x), np.hypot, np.logaddexp, np.logaddexp2, np.copysign, np.nextafter */
ND_UFUNC_BINARY_(arctan2)
ND_UFUNC_BINARY_(hypot)
ND_UFUNC_BINARY_(logaddexp)
ND_UFUNC_BINARY_(logaddexp2)
ND_UFUNC_BINARY_(copysign)
ND_UFUNC_BINARY_(nextafter)
/** np.ldexp(x, e): x * 2**e; e an integer array or number (int64 loops) */
ND_UFUNC_BINARY_(ldexp)
/** np.heaviside(x, h0): 0 for x < 0, h0 for x == 0, 1 for x > 0 */
ND_UFUNC_BINARY_(heaviside)
/** np.gcd, np.lcm on integers (absolute values; bool: TypeError) */
ND_UFUNC_BINARY_(gcd)
ND_UFUNC_BINARY_(lcm)
/** np.float_power: power computed in float64 / complex128 */
ND_UFUNC_BINARY_(float_power)

#define nd_exp(x, ...) nd_exp_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_exp2(x, ...) nd_exp2_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_expm1(x, ...) nd_expm1_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_log(x, ...) nd_log_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_log2(x, ...) nd_log2_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_log10(x, ...) nd_log10_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_log1p(x, ...) nd_log1p_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_sin(x, ...) nd_sin_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_cos(x, ...) nd_cos_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_tan(x, ...) nd_tan_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arcsin(x, ...) nd_arcsin_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arccos(x, ...) nd_arccos_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arctan(x, ...) nd_arctan_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_sinh(x, ...) nd_sinh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_cosh(x, ...) nd_cosh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_tanh(x, ...) nd_tanh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arcsinh(x, ...) nd_arcsinh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arccosh(x, ...) nd_arccosh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arctanh(x, ...) nd_arctanh_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_cbrt(x, ...) nd_cbrt_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_reciprocal(x, ...) nd_reciprocal_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_sign(x, ...) nd_sign_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_fabs(x, ...) nd_fabs_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_rint(x, ...) nd_rint_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_floor(x, ...) nd_floor_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_ceil(x, ...) nd_ceil_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_trunc(x, ...) nd_trunc_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_degrees(x, ...) nd_degrees_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_radians(x, ...) nd_radians_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_deg2rad(x, ...) nd_deg2rad_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_rad2deg(x, ...) nd_rad2deg_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_isnan(x, ...) nd_isnan_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_isinf(x, ...) nd_isinf_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_isfinite(x, ...) nd_isfinite_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_signbit(x, ...) nd_signbit_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_spacing(x, ...) nd_spacing_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_conjugate(x, ...) nd_conjugate_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_bitwise_count(x, ...) nd_bitwise_count_ex(ND_OPERAND(x), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_arctan2(x, y, ...) nd_arctan2_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_hypot(x, y, ...) nd_hypot_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logaddexp(x, y, ...) nd_logaddexp_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_logaddexp2(x, y, ...) nd_logaddexp2_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_copysign(x, y, ...) nd_copysign_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_nextafter(x, y, ...) nd_nextafter_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_ldexp(x, y, ...) nd_ldexp_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_heaviside(x, y, ...) nd_heaviside_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_gcd(x, y, ...) nd_gcd_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_lcm(x, y, ...) nd_lcm_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_float_power(x, y, ...) nd_float_power_ex(ND_OPERAND(x), ND_OPERAND(y), ND_UFUNC_OPTS_(__VA_ARGS__))
#define nd_conj nd_conjugate

/** np.frexp(x): *mant (x's float dtype) and *expo (int32) with x = mant * 2**expo,
 *  0.5 <= |mant| < 1 (0, inf and NaN: mant x, expo 0).  Either pointer may be NULL
 *  (that result is dropped).  o->out / o->out2 receive them when given.  0 or -1. */
int nd_frexp_ex(nd_operand x, nd_array **mant, nd_array **expo, const nd_ufunc_opts *o);
#define nd_frexp(x, mant, expo, ...) nd_frexp_ex(ND_OPERAND(x), (mant), (expo), ND_UFUNC_OPTS_(__VA_ARGS__))
/** np.modf(x): *frac and *whole, both with x's sign.  As nd_frexp. */
int nd_modf_ex(nd_operand x, nd_array **frac, nd_array **whole, const nd_ufunc_opts *o);
#define nd_modf(x, frac, whole, ...) nd_modf_ex(ND_OPERAND(x), (frac), (whole), ND_UFUNC_OPTS_(__VA_ARGS__))

/* ------------------------------------------------------------ composites */

/** np.real(a): for complex a, a view of the real parts (writeable like a); otherwise
 *  a new view of a itself.  Returns a new handle (free it), NULL on error. */
nd_array *nd_real(const nd_array *a);
/** np.imag(a): for complex a, a view of the imaginary parts; otherwise a new array of
 *  zeros of a's dtype and shape (NumPy gives read-only zeros). */
nd_array *nd_imag(const nd_array *a);

typedef struct nd_angle_opts { int _; bool deg; } nd_angle_opts;
/** np.angle(z, deg=False): arctan2(imag, real) (real input: arctan2(0, z)); float64 for
 *  integers. */
nd_array *nd_angle_ex(const nd_array *z, const nd_angle_opts *o);
#define nd_angle(z, ...) nd_angle_ex((z), &(nd_angle_opts){ ._ = 0, __VA_ARGS__ })

/** np.iscomplex / np.isreal: imag != 0 / imag == 0 elementwise (bool; non-complex
 *  input: all False / all True). */
nd_array *nd_iscomplex(const nd_array *x);
nd_array *nd_isreal(const nd_array *x);

typedef struct nd_around_opts { int _; int decimals; nd_array *out; } nd_around_opts;
/** np.around / np.round(a, decimals=0, out): NumPy's algorithm: multiply by
 *  10**decimals, rint (half to even), divide (decimals < 0: the other way round);
 *  integers: a copy when decimals >= 0, else computed in float64 and cast back. */
nd_array *nd_around_ex(const nd_array *a, const nd_around_opts *o);
#define nd_around(a, ...) nd_around_ex((a), &(nd_around_opts){ ._ = 0, __VA_ARGS__ })
#define nd_round nd_around

/** np.fix(x): round towards zero (floor for x >= 0, ceil below; ints give float64). */
nd_array *nd_fix(const nd_array *x);

/** ND_NONE: "None" for an optional operand (np.clip's a_min / a_max). */
#define ND_NONE ((nd_operand){ 0 })
typedef struct nd_clip_opts { int _; nd_array *out; } nd_clip_opts;
/** np.clip(a, a_min, a_max): minimum(maximum(a, a_min), a_max) with NumPy 2's NaN
 *  semantics (a NaN in a or in a bound gives NaN).  Bounds are arrays, C numbers or
 *  ND_NONE; both ND_NONE is ValueError "One of max or min must be given". */
nd_array *nd_clip_ex(const nd_array *a, nd_operand a_min, nd_operand a_max, const nd_clip_opts *o);
#define nd_clip(a, a_min, a_max, ...) nd_clip_ex((a), ND_OPERAND(a_min), ND_OPERAND(a_max), \
    &(nd_clip_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_nan_to_num_opts {
    int _;
    double nan;               /* replaces NaN (default 0.0) */
    nd_value posinf, neginf;  /* used when .dtype != NULL (ND_VALUE(x)); default: the
                                 dtype's largest / most negative finite value */
} nd_nan_to_num_opts;
/** np.nan_to_num(x, copy=True, nan, posinf, neginf): a new array (complex: both parts;
 *  integers: a copy). */
nd_array *nd_nan_to_num_ex(const nd_array *x, const nd_nan_to_num_opts *o);
#define nd_nan_to_num(x, ...) nd_nan_to_num_ex((x), &(nd_nan_to_num_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_isclose_opts {
    int _;
    double rtol, atol;        /* 0 and 0: NumPy's defaults 1e-05 and 1e-08; set
                                 .tol_given to use zeros */
    bool tol_given;
    bool equal_nan;
} nd_isclose_opts;
/** np.isclose(a, b, rtol, atol, equal_nan): |a - b| <= atol + rtol * |b| for finite
 *  values, a == b for infinities, NaN == NaN only with equal_nan.  Bool array. */
nd_array *nd_isclose_ex(nd_operand a, nd_operand b, const nd_isclose_opts *o);
#define nd_isclose(a, b, ...) nd_isclose_ex(ND_OPERAND(a), ND_OPERAND(b), &(nd_isclose_opts){ ._ = 0, __VA_ARGS__ })
/** np.allclose: 1 (true), 0 (false) or -1 (error). */
int nd_allclose_ex(nd_operand a, nd_operand b, const nd_isclose_opts *o);
#define nd_allclose(a, b, ...) nd_allclose_ex(ND_OPERAND(a), ND_OPERAND(b), &(nd_isclose_opts){ ._ = 0, __VA_ARGS__ })

typedef struct nd_array_equal_opts { int _; bool equal_nan; } nd_array_equal_opts;
/** np.array_equal(a1, a2, equal_nan): same shape and elements.  1, 0 or -1 (error). */
int nd_array_equal_ex(const nd_array *a1, const nd_array *a2, const nd_array_equal_opts *o);
#define nd_array_equal(a1, a2, ...) nd_array_equal_ex((a1), (a2), &(nd_array_equal_opts){ ._ = 0, __VA_ARGS__ })
/** np.array_equiv(a1, a2): broadcastable and equal.  1, 0 or -1. */
int nd_array_equiv(const nd_array *a1, const nd_array *a2);

/** np.sinc(x): sin(pi x) / (pi x), 1 at 0 (ints: float64). */
nd_array *nd_sinc(const nd_array *x);

typedef struct nd_unwrap_opts {
    int _;
    double discont;           /* 0: period/2 (smaller values act as period/2 anyway) */
    nd_axes axis;             /* ND_AXIS(k); default -1 */
    double period;            /* 0: 2*pi */
} nd_unwrap_opts;
/** np.unwrap(p, discont, axis, period): adds multiples of period so that jumps between
 *  neighbours along axis stay below discont.  A new float array (float64 for ints);
 *  p must have ndim >= 1. */
nd_array *nd_unwrap_ex(const nd_array *p, const nd_unwrap_opts *o);
#define nd_unwrap(p, ...) nd_unwrap_ex((p), &(nd_unwrap_opts){ ._ = 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
