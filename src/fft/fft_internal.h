/* Private to src/fft: plans and the typed transform kernels. */
#ifndef ND_FFT_INTERNAL_H
#define ND_FFT_INTERNAL_H

#include "core/internal.h"

typedef struct { double r, i; } nd__cd;
typedef struct { float r, i; } nd__cf;

/* Factors above this go to Bluestein (a generic O(p^2) pass stops paying). */
#define ND__FFT_MAXGEN 64
#define ND__FFT_MAXPASS 64

typedef enum { ND__PLAN_C = 0, ND__PLAN_R = 1 } nd__plan_kind;

/* An immutable plan, shared through the cache with a reference count.
 * Complex plans: Stockham passes (fct[k], twiddles at tw + twoff[k]) or, for lengths
 * with a large prime factor, Bluestein (chirp bk, transformed kernel bkf, sub-plan of
 * length m).  Real plans: n even -> a complex plan of n/2 plus n/2 twiddles rtw;
 * n odd -> the complex plan of n.  Twiddle arrays hold nd__cd or nd__cf by `single`. */
typedef struct nd__fft_plan {
    atomic_long refs;
    nd__plan_kind kind;
    bool single;
    int64_t n;
    int nf;
    int fct[ND__FFT_MAXPASS];
    int64_t twoff[ND__FFT_MAXPASS];  /* pass twiddles: (p-1)*ido entries */
    int64_t groff[ND__FFT_MAXPASS];  /* generic passes: p roots */
    void *tw;
    size_t tw_bytes;
    /* Bluestein */
    int64_t m;
    struct nd__fft_plan *sub;
    void *bk, *bkf;
    size_t bk_bytes, bkf_bytes;
    /* real */
    void *rtw;
    size_t rtw_bytes;
    int64_t work;                    /* scratch elements (complex) exec needs */
} nd__fft_plan;

/* A plan from the cache (built on a miss); NULL + error on failure.  Release it. */
nd__fft_plan *nd__fft_plan_get(nd__plan_kind kind, bool single, int64_t n);
void nd__fft_plan_release(nd__fft_plan *p);

/* Twiddle exp(sign * 2 pi i num / den), accurate to the last bit of a double. */
void nd__fft_root(int64_t num, int64_t den, int sign, long double *c, long double *s);

/* Forward complex DFT of x (length p->n) in place; w holds p->work elements. */
void nd__fft_exec_cd(const nd__fft_plan *p, nd__cd *x, nd__cd *w);
void nd__fft_exec_cf(const nd__fft_plan *p, nd__cf *x, nd__cf *w);
/* Real forward: n reals in x (room for n/2+1 complex) -> n/2+1 complex in y. */
void nd__fft_rexec_cd(const nd__fft_plan *p, nd__cd *x, nd__cd *y, nd__cd *w);
void nd__fft_rexec_cf(const nd__fft_plan *p, nd__cf *x, nd__cf *y, nd__cf *w);
/* Real backward (unnormalized): n/2+1 complex in x -> n reals in y (room for n/2+1
 * complex); x is clobbered. */
void nd__fft_irexec_cd(const nd__fft_plan *p, nd__cd *x, nd__cd *y, nd__cd *w);
void nd__fft_irexec_cf(const nd__fft_plan *p, nd__cf *x, nd__cf *y, nd__cf *w);

#endif
