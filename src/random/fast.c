/* Contiguous loops of the hot methods (random, standard_normal, normal, uniform,
 * exponential, integers, shuffle): the bit generator's kind is resolved once per call
 * and each loop is instantiated for PCG64 (default_rng) and MT19937 (RandomState) with
 * the generator step inlined; other kinds run the same loop with a run-time kind.
 * They draw exactly what the per-element kernels draw, in the same order. */
#include "random/fast.h"
#include "random/inline.h"

#include <string.h>

/* ------------------------------------------------------------ floating variates */

/* o[i] = a + b * X_i for the method's variate X (a = 0, b = 1 give X itself exactly). */
ND__ALWAYS_INLINE void floats_k(nd__rs *rs, bool leg, nd__fast_kind what, double a, double b, void *out,
                                int64_t n, nd__bg_kind kind) {
    nd__bitgen *bg = &rs->bg;
    double *o = out;
    switch (what) {
    case ND__FAST_RANDOM_F32: {
        float *f = out;
        for (int64_t i = 0; i < n; i++) f[i] = nd__next_float_k(bg, kind);
        break;
    }
    case ND__FAST_RANDOM:
        for (int64_t i = 0; i < n; i++) o[i] = nd__next_double_k(bg, kind);
        break;
    case ND__FAST_UNIFORM:
        for (int64_t i = 0; i < n; i++) o[i] = a + b * nd__next_double_k(bg, kind);
        break;
    case ND__FAST_STD_NORMAL:
        if (leg)
            for (int64_t i = 0; i < n; i++) o[i] = nd__legacy_gauss_k(rs, kind);
        else
            for (int64_t i = 0; i < n; i++) o[i] = nd__std_normal_k(bg, kind);
        break;
    case ND__FAST_NORMAL:
        if (leg)
            for (int64_t i = 0; i < n; i++) o[i] = a + b * nd__legacy_gauss_k(rs, kind);
        else
            for (int64_t i = 0; i < n; i++) o[i] = a + b * nd__std_normal_k(bg, kind);
        break;
    case ND__FAST_STD_EXP:
        if (leg)
            for (int64_t i = 0; i < n; i++) o[i] = -log(1.0 - nd__next_double_k(bg, kind));
        else
            for (int64_t i = 0; i < n; i++) o[i] = nd__std_exp_k(bg, kind);
        break;
    case ND__FAST_EXP:
        if (leg)
            for (int64_t i = 0; i < n; i++) o[i] = b * -log(1.0 - nd__next_double_k(bg, kind));
        else
            for (int64_t i = 0; i < n; i++) o[i] = b * nd__std_exp_k(bg, kind);
        break;
    case ND__FAST_NONE:
        break;
    }
}

void nd__fast_floats(nd__rs *rs, bool leg, nd__fast_kind what, double a, double b, void *out, int64_t n) {
    switch (rs->bg.kind) {
    case ND__BG_PCG64: floats_k(rs, leg, what, a, b, out, n, ND__BG_PCG64); break;
    case ND__BG_MT19937: floats_k(rs, leg, what, a, b, out, n, ND__BG_MT19937); break;
    default: floats_k(rs, leg, what, a, b, out, n, rs->bg.kind); break;
    }
}

/* ------------------------------------------------------------ integers */

/* o[i] = off + U[0, rng] as int64 / int32 (Lemire for a Generator, masked rejection for
 * RandomState), as nd__bounded_u64 / nd__bounded_u32 draw them. */
ND__ALWAYS_INLINE void ints_k(nd__bitgen *bg, bool masked, uint64_t off, uint64_t rng, void *out, int64_t n,
                              int width, nd__bg_kind kind) {
    if (width == 4) {
        uint32_t *o = out, r = (uint32_t)rng, f = (uint32_t)off;
        if (r == 0) for (int64_t i = 0; i < n; i++) o[i] = f;
        else if (r == UINT32_MAX) for (int64_t i = 0; i < n; i++) o[i] = f + nd__next_u32_k(bg, kind);
        else if (masked) for (int64_t i = 0; i < n; i++) o[i] = f + nd__masked32_k(bg, kind, r);
        else for (int64_t i = 0; i < n; i++) o[i] = f + nd__lemire32_k(bg, kind, r);
        return;
    }
    uint64_t *o = out;
    if (rng == 0) {
        for (int64_t i = 0; i < n; i++) o[i] = off;
    } else if (rng < 0xFFFFFFFFULL) {
        uint32_t r = (uint32_t)rng;
        if (masked) for (int64_t i = 0; i < n; i++) o[i] = off + nd__masked32_k(bg, kind, r);
        else for (int64_t i = 0; i < n; i++) o[i] = off + nd__lemire32_k(bg, kind, r);
    } else if (rng == 0xFFFFFFFFULL) {
        for (int64_t i = 0; i < n; i++) o[i] = off + nd__next_u32_k(bg, kind);
    } else if (rng == UINT64_MAX) {
        for (int64_t i = 0; i < n; i++) o[i] = off + nd__next_u64_k(bg, kind);
    } else if (masked) {
        uint64_t mask = nd__smear(rng), v;
        for (int64_t i = 0; i < n; i++) {
            while ((v = nd__next_u64_k(bg, kind) & mask) > rng) {}
            o[i] = off + v;
        }
    } else {
        for (int64_t i = 0; i < n; i++) o[i] = off + nd__lemire64_k(bg, kind, rng);
    }
}

void nd__fast_ints(nd__bitgen *bg, bool masked, uint64_t off, uint64_t rng, void *out, int64_t n, int width) {
    switch (bg->kind) {
    case ND__BG_PCG64: ints_k(bg, masked, off, rng, out, n, width, ND__BG_PCG64); break;
    case ND__BG_MT19937: ints_k(bg, masked, off, rng, out, n, width, ND__BG_MT19937); break;
    default: ints_k(bg, masked, off, rng, out, n, width, bg->kind); break;
    }
}

/* ------------------------------------------------------------ shuffle */

/* random_interval(max): masked rejection on [0, max]. */
ND__ALWAYS_INLINE uint64_t interval_k(nd__bitgen *bg, uint64_t max, nd__bg_kind kind) {
    if (max == 0) return 0;
    uint64_t mask = nd__smear(max), v;
    if (max <= 0xFFFFFFFFULL) {
        while ((v = (nd__next_u32_k(bg, kind) & mask)) > max) {}
    } else {
        while ((v = (nd__next_u64_k(bg, kind) & mask)) > max) {}
    }
    return v;
}

/* Fisher-Yates over n items of 4 or 8 bytes at a stride (Generator.shuffle's order). */
/* The j of each step depends only on the draws, so they are drawn AHEAD steps early
 * (the same draws in the same order) and their items prefetched: large arrays are
 * bound by these random accesses. */
#define AHEAD 8
ND__ALWAYS_INLINE void shuffle_k(nd__bitgen *bg, char *base, int64_t stride, int64_t n, int width,
                                 nd__bg_kind kind) {
    int64_t js[AHEAD];
    for (int64_t i = n - 1, t = 0; i >= 1 && t < AHEAD; i--, t++) {
        js[t] = (int64_t)interval_k(bg, (uint64_t)i, kind);
        __builtin_prefetch(base + js[t] * stride, 1);
    }
    for (int64_t i = n - 1, t = 0; i >= 1; i--, t = (t + 1) % AHEAD) {
        int64_t j = js[t];
        if (i - AHEAD >= 1) {
            js[t] = (int64_t)interval_k(bg, (uint64_t)(i - AHEAD), kind);
            __builtin_prefetch(base + js[t] * stride, 1);
        }
        char *a = base + i * stride, *b = base + j * stride;
        if (width == 8) {
            uint64_t t;
            memcpy(&t, a, 8);
            memcpy(a, b, 8);
            memcpy(b, &t, 8);
        } else {
            uint32_t t;
            memcpy(&t, a, 4);
            memcpy(a, b, 4);
            memcpy(b, &t, 4);
        }
    }
}

void nd__fast_shuffle(nd__bitgen *bg, char *base, int64_t stride, int64_t n, int width) {
    switch (bg->kind) {
    case ND__BG_PCG64: shuffle_k(bg, base, stride, n, width, ND__BG_PCG64); break;
    case ND__BG_MT19937: shuffle_k(bg, base, stride, n, width, ND__BG_MT19937); break;
    default: shuffle_k(bg, base, stride, n, width, bg->kind); break;
    }
}
