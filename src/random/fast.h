/* Private: fast.c's contiguous loops of the hot methods. */
#ifndef ND_RANDOM_FAST_H
#define ND_RANDOM_FAST_H
#include "random/rng.h"

typedef enum nd__fast_kind {
    ND__FAST_NONE = 0,
    ND__FAST_RANDOM,      /* random, float64 */
    ND__FAST_RANDOM_F32,  /* random, float32 */
    ND__FAST_UNIFORM,     /* a + b * U with a = low, b = high - low */
    ND__FAST_STD_NORMAL,
    ND__FAST_NORMAL,      /* a + b * N */
    ND__FAST_STD_EXP,
    ND__FAST_EXP          /* b * E */
} nd__fast_kind;

/* n variates into out (float64; float32 for ND__FAST_RANDOM_F32); leg: RandomState's
 * algorithms. */
void nd__fast_floats(nd__rs *rs, bool leg, nd__fast_kind what, double a, double b, void *out, int64_t n);
/* n integers off + U[0, rng] into out (width 8: uint64/int64 bits; 4: 32-bit). */
void nd__fast_ints(nd__bitgen *bg, bool masked, uint64_t off, uint64_t rng, void *out, int64_t n, int width);
/* Fisher-Yates of n items of width 4 or 8 bytes at stride bytes. */
void nd__fast_shuffle(nd__bitgen *bg, char *base, int64_t stride, int64_t n, int width);
#endif
