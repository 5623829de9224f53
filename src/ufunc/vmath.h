/* Private to src/ufunc: vector math for contiguous float loops (vmath.c). */
#ifndef ND_UFUNC_VMATH_H
#define ND_UFUNC_VMATH_H
#include <stdint.h>

enum { ND__VM_exp, ND__VM_log, ND__VM_sin, ND__VM_cos, ND__VM_tanh };
/* y[i] = fn(x[i]) for i < n, contiguous; returns n, or 0 when vector math is not
 * available for this call (the caller then uses libm). */
int64_t nd__vmath_f64(int fn, const double *x, double *y, int64_t n);
int64_t nd__vmath_f32(int fn, const float *x, float *y, int64_t n);
/* o[i] = pow(x[i * xs], y[i * ys]) for i < n, with element strides xs, ys of 0 (a
 * scalar) or 1 (contiguous) and o contiguous (it may be x or y); returns n, or 0 when
 * vector math is not available (the caller then uses libm). */
int64_t nd__vmath_pow_f64(const double *x, int64_t xs, const double *y, int64_t ys, double *o, int64_t n);
int64_t nd__vmath_pow_f32(const float *x, int64_t xs, const float *y, int64_t ys, float *o, int64_t n);
#endif
