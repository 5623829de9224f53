/* Private to src/ufunc: vector math for contiguous float loops (vmath.c). */
#ifndef ND_UFUNC_VMATH_H
#define ND_UFUNC_VMATH_H
#include <stdint.h>

enum { ND__VM_exp, ND__VM_log, ND__VM_sin, ND__VM_cos, ND__VM_tanh };
/* y[i] = fn(x[i]) for i < n, contiguous; returns n, or 0 when vector math is not
 * available for this call (the caller then uses libm). */
int64_t nd__vmath_f64(int fn, const double *x, double *y, int64_t n);
int64_t nd__vmath_f32(int fn, const float *x, float *y, int64_t n);
#endif
