/* The transform kernels in both precisions (one template, fft_kernels.inc). */
#include "fft_internal.h"

/* Runtime dispatch: the passes are built for the baseline and for AVX2, and the
 * loader picks one (no CPU-specific build flags). */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(ND_NO_CLONES)
#define ND__FFT_CLONES __attribute__((target_clones("default", "avx2")))
#else
#define ND__FFT_CLONES
#endif

#define T double
#define CT nd__cd
#define F(name) name##_cd
#include "fft_kernels.inc"
#undef T
#undef CT
#undef F

#define T float
#define CT nd__cf
#define F(name) name##_cf
#include "fft_kernels.inc"
#undef T
#undef CT
#undef F
