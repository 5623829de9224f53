/* Private to src/random: the inner pieces of the hot distributions (bounded integers,
 * the ziggurats, the legacy Gaussian) as always-inline functions of the generator kind,
 * so fast.c's contiguous loops get them specialized per bit generator.  Their plain
 * forms in distributions.c pass bg->kind. */
#ifndef ND_RANDOM_INLINE_H
#define ND_RANDOM_INLINE_H
#include "random/rng.h"

#include <math.h>

static inline uint64_t nd__smear(uint64_t m) {
    m |= m >> 1; m |= m >> 2; m |= m >> 4; m |= m >> 8; m |= m >> 16; m |= m >> 32;
    return m;
}

ND__ALWAYS_INLINE uint32_t nd__lemire32_k(nd__bitgen *bg, nd__bg_kind kind, uint32_t rng) {
    uint32_t E = rng + 1;
    uint64_t m = (uint64_t)nd__next_u32_k(bg, kind) * E;
    uint32_t low = (uint32_t)m;
    if (low < E) {
        uint32_t t = (UINT32_MAX - rng) % E;
        while (low < t) {
            m = (uint64_t)nd__next_u32_k(bg, kind) * E;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

ND__ALWAYS_INLINE uint64_t nd__lemire64_k(nd__bitgen *bg, nd__bg_kind kind, uint64_t rng) {
    uint64_t E = rng + 1;
    nd__u128 m = (nd__u128)nd__next_u64_k(bg, kind) * E;
    uint64_t low = (uint64_t)m;
    if (low < E) {
        uint64_t t = (UINT64_MAX - rng) % E;
        while (low < t) {
            m = (nd__u128)nd__next_u64_k(bg, kind) * E;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

ND__ALWAYS_INLINE uint32_t nd__masked32_k(nd__bitgen *bg, nd__bg_kind kind, uint32_t rng) {
    uint32_t mask = (uint32_t)nd__smear(rng), v;
    while ((v = nd__next_u32_k(bg, kind) & mask) > rng) {}
    return v;
}

#define ND__ZIG_R 3.6541528853610087963519472518
#define ND__ZIG_INV_R 0.27366123732975827203338247596
#define ND__ZIG_RE 7.6971174701310497140446280481

ND__ALWAYS_INLINE double nd__std_normal_k(nd__bitgen *bg, nd__bg_kind kind) {
    for (;;) {
        uint64_t r = nd__next_u64_k(bg, kind);
        int idx = (int)(r & 0xff);
        r >>= 8;
        int neg = (int)(r & 1);
        uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
        double x = (double)rabs * nd__zig_wi_d[idx];
        if (neg) x = -x;
        if (rabs < nd__zig_ki_d[idx]) return x;
        if (idx == 0) {
            for (;;) {
                double xx = -ND__ZIG_INV_R * log1p(-nd__next_double_k(bg, kind));
                double yy = -log1p(-nd__next_double_k(bg, kind));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(ND__ZIG_R + xx) : ND__ZIG_R + xx;
            }
        }
        if ((nd__zig_fi_d[idx - 1] - nd__zig_fi_d[idx]) * nd__next_double_k(bg, kind) + nd__zig_fi_d[idx] <
            exp(-0.5 * x * x))
            return x;
    }
}

ND__ALWAYS_INLINE double nd__std_exp_k(nd__bitgen *bg, nd__bg_kind kind) {
    for (;;) {
        uint64_t r = nd__next_u64_k(bg, kind) >> 3;
        int idx = (int)(r & 0xff);
        r >>= 8;
        double x = (double)r * nd__zig_we_d[idx];
        if (r < nd__zig_ke_d[idx]) return x;
        if (idx == 0) return ND__ZIG_RE - log1p(-nd__next_double_k(bg, kind));
        if ((nd__zig_fe_d[idx - 1] - nd__zig_fe_d[idx]) * nd__next_double_k(bg, kind) + nd__zig_fe_d[idx] < exp(-x))
            return x;
    }
}

ND__ALWAYS_INLINE double nd__legacy_gauss_k(nd__rs *rs, nd__bg_kind kind) {
    if (rs->has_gauss) {
        double t = rs->gauss;
        rs->has_gauss = 0;
        rs->gauss = 0.0;
        return t;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * nd__next_double_k(&rs->bg, kind) - 1.0;
        x2 = 2.0 * nd__next_double_k(&rs->bg, kind) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    rs->gauss = f * x1;
    rs->has_gauss = 1;
    return f * x2;
}

#endif
