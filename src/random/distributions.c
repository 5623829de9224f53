/* The scalar kernels of NumPy 1.24's Generator and RandomState: bounded integers,
 * the ziggurats, gamma, binomial, Poisson and the legacy Gaussian (specs/random.md
 * §5, §7).  Every floating operation and every draw is in NumPy's order. */
#include "random/inline.h"

#include <math.h>

/* ------------------------------------------------------------ bounded integers */


uint64_t nd__bounded_u64(nd__bitgen *bg, uint64_t rng, bool masked) {
    if (rng == 0) return 0;
    if (rng <= 0xFFFFFFFFULL) {
        if (rng == 0xFFFFFFFFULL) return nd__next_u32(bg);
        return masked ? nd__masked32_k(bg, bg->kind, (uint32_t)rng) : nd__lemire32_k(bg, bg->kind, (uint32_t)rng);
    }
    if (rng == UINT64_MAX) return nd__next_u64(bg);
    if (masked) {
        uint64_t mask = nd__smear(rng), v;
        while ((v = nd__next_u64(bg) & mask) > rng) {}
        return v;
    }
    return nd__lemire64_k(bg, bg->kind, rng);
}

uint32_t nd__bounded_u32(nd__bitgen *bg, uint32_t rng, bool masked) {
    if (rng == 0) return 0;
    if (rng == UINT32_MAX) return nd__next_u32(bg);
    return masked ? nd__masked32_k(bg, bg->kind, rng) : nd__lemire32_k(bg, bg->kind, rng);
}

static inline uint16_t buf16(nd__bitgen *bg, nd__intbuf *b) {
    if (b->bcnt == 0) {
        b->buf = nd__next_u32(bg);
        b->bcnt = 1;
    } else {
        b->buf >>= 16;
        b->bcnt--;
    }
    return (uint16_t)b->buf;
}

static inline uint8_t buf8(nd__bitgen *bg, nd__intbuf *b) {
    if (b->bcnt == 0) {
        b->buf = nd__next_u32(bg);
        b->bcnt = 3;
    } else {
        b->buf >>= 8;
        b->bcnt--;
    }
    return (uint8_t)b->buf;
}

uint16_t nd__bounded_u16(nd__bitgen *bg, uint16_t rng, bool masked, nd__intbuf *b) {
    if (rng == 0) return 0;
    if (rng == UINT16_MAX) return buf16(bg, b);
    if (masked) {
        uint16_t mask = (uint16_t)nd__smear(rng), v;
        while ((v = buf16(bg, b) & mask) > rng) {}
        return v;
    }
    uint16_t E = (uint16_t)(rng + 1);
    uint32_t m = (uint32_t)buf16(bg, b) * E;
    uint16_t low = (uint16_t)m;
    if (low < E) {
        uint16_t t = (uint16_t)((uint16_t)(UINT16_MAX - rng) % E);
        while (low < t) {
            m = (uint32_t)buf16(bg, b) * E;
            low = (uint16_t)m;
        }
    }
    return (uint16_t)(m >> 16);
}

uint8_t nd__bounded_u8(nd__bitgen *bg, uint8_t rng, bool masked, nd__intbuf *b) {
    if (rng == 0) return 0;
    if (rng == UINT8_MAX) return buf8(bg, b);
    if (masked) {
        uint8_t mask = (uint8_t)nd__smear(rng), v;
        while ((v = buf8(bg, b) & mask) > rng) {}
        return v;
    }
    uint8_t E = (uint8_t)(rng + 1);
    uint16_t m = (uint16_t)(buf8(bg, b) * E);
    uint8_t low = (uint8_t)m;
    if (low < E) {
        uint8_t t = (uint8_t)((uint8_t)(UINT8_MAX - rng) % E);
        while (low < t) {
            m = (uint16_t)(buf8(bg, b) * E);
            low = (uint8_t)m;
        }
    }
    return (uint8_t)(m >> 8);
}

bool nd__bounded_bool(nd__bitgen *bg, bool rng, nd__intbuf *b) {
    if (!rng) return 0;
    if (b->bcnt == 0) {
        b->buf = nd__next_u32(bg);
        b->bcnt = 31;
    } else {
        b->buf >>= 1;
        b->bcnt--;
    }
    return b->buf & 1;
}

uint64_t nd__random_interval(nd__bitgen *bg, uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = nd__smear(max), v;
    if (max <= 0xFFFFFFFFULL) {
        while ((v = (nd__next_u32(bg) & mask)) > max) {}
    } else {
        while ((v = (nd__next_u64(bg) & mask)) > max) {}
    }
    return v;
}

/* ------------------------------------------------------------ ziggurats */

double nd__std_normal(nd__bitgen *bg) { return nd__std_normal_k(bg, bg->kind); }

float nd__std_normal_f(nd__bitgen *bg) {
    const float rf = (float)ND__ZIG_R, inv_rf = (float)ND__ZIG_INV_R;
    for (;;) {
        uint32_t r = nd__next_u32(bg);
        int idx = (int)(r & 0xff);
        int neg = (int)((r >> 8) & 1);
        uint32_t rabs = (r >> 9) & 0x7fffff;
        float x = (float)rabs * nd__zig_wi_f[idx];
        if (neg) x = -x;
        if (rabs < nd__zig_ki_f[idx]) return x;
        if (idx == 0) {
            for (;;) {
                float xx = -inv_rf * log1pf(-nd__next_float(bg));
                float yy = -log1pf(-nd__next_float(bg));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(rf + xx) : rf + xx;
            }
        }
        /* left side in float, right side in double, as NumPy */
        if ((nd__zig_fi_f[idx - 1] - nd__zig_fi_f[idx]) * nd__next_float(bg) + nd__zig_fi_f[idx] <
            exp(-0.5 * x * x))
            return x;
    }
}

double nd__std_exp(nd__bitgen *bg) { return nd__std_exp_k(bg, bg->kind); }

float nd__std_exp_f(nd__bitgen *bg) {
    const float ref = (float)ND__ZIG_RE;
    for (;;) {
        uint32_t r = nd__next_u32(bg) >> 1;
        int idx = (int)(r & 0xff);
        r >>= 8;
        float x = (float)r * nd__zig_we_f[idx];
        if (r < nd__zig_ke_f[idx]) return x;
        if (idx == 0) return ref - log1pf(-nd__next_float(bg));
        if ((nd__zig_fe_f[idx - 1] - nd__zig_fe_f[idx]) * nd__next_float(bg) + nd__zig_fe_f[idx] < expf(-x))
            return x;
    }
}

/* ------------------------------------------------------------ gamma */

double nd__std_gamma(nd__bitgen *bg, double shape) {
    if (shape == 1.0) return nd__std_exp(bg);
    if (shape == 0.0) return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double U = nd__next_double(bg);
            double V = nd__std_exp(bg);
            if (U <= 1.0 - shape) {
                double X = pow(U, 1. / shape);
                if (X <= V) return X;
            } else {
                double Y = -log((1 - U) / shape);
                double X = pow(1.0 - shape + shape * Y, 1. / shape);
                if (X <= (V + Y)) return X;
            }
        }
    }
    double b = shape - 1. / 3., c = 1. / sqrt(9 * b);
    for (;;) {
        double X, V;
        do {
            X = nd__std_normal(bg);
            V = 1.0 + c * X;
        } while (V <= 0.0);
        V = V * V * V;
        double U = nd__next_double(bg);
        if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
        if (log(U) < 0.5 * X * X + b * (1. - V + log(V))) return b * V;
    }
}

float nd__std_gamma_f(nd__bitgen *bg, float shape) {
    if (shape == 1.0f) return nd__std_exp_f(bg);
    if (shape == 0.0f) return 0.0f;
    if (shape < 1.0f) {
        for (;;) {
            float U = nd__next_float(bg);
            float V = nd__std_exp_f(bg);
            if (U <= 1.0f - shape) {
                float X = powf(U, 1.0f / shape);
                if (X <= V) return X;
            } else {
                float Y = -logf((1.0f - U) / shape);
                float X = powf(1.0f - shape + shape * Y, 1.0f / shape);
                if (X <= (V + Y)) return X;
            }
        }
    }
    float b = shape - 1.0f / 3.0f, c = 1.0f / sqrtf(9.0f * b);
    for (;;) {
        float X, V;
        do {
            X = nd__std_normal_f(bg);
            V = 1.0f + c * X;
        } while (V <= 0.0f);
        V = V * V * V;
        float U = nd__next_float(bg);
        if (U < 1.0f - 0.0331f * (X * X) * (X * X)) return b * V;
        if (logf(U) < 0.5f * X * X + b * (1.0f - V + logf(V))) return b * V;
    }
}

/* ------------------------------------------------------------ binomial */

static int64_t binomial_inversion(nd__rs *rs, int64_t n, double p) {
    nd__binom_cache *c = &rs->binom;
    if (!(c->has == 1 && c->n == n && c->p == p)) {
        c->has = 1;
        c->n = n;
        c->p = p;
        c->q = 1.0 - p;
        c->r = exp(n * log(c->q));               /* qn */
        c->fm = n * p;                            /* np */
        c->m = (int64_t)fmin((double)n, c->fm + 10.0 * sqrt(c->fm * c->q + 1)); /* bound */
    }
    double q = c->q, qn = c->r;
    int64_t bound = c->m, X = 0;
    double px = qn, U = nd__next_double(&rs->bg);
    while (U > px) {
        X++;
        if (X > bound) {
            X = 0;
            px = qn;
            U = nd__next_double(&rs->bg);
        } else {
            U -= px;
            px = ((double)(n - X + 1) * p * px) / (X * q);
        }
    }
    return X;
}

static inline double btpe_s(double a) {
    double a2 = a * a;
    return (13680. - (462. - (132. - (99. - 140. / a2) / a2) / a2) / a2) / a / 166320.;
}

static int64_t binomial_btpe(nd__rs *rs, int64_t n, double p) {
    nd__binom_cache *c = &rs->binom;
    if (!(c->has == 2 && c->n == n && c->p == p)) {
        c->has = 2;
        c->n = n;
        c->p = p;
        c->r = p;
        c->q = 1.0 - p;
        c->fm = n * c->r + c->r;
        c->m = (int64_t)floor(c->fm);
        c->p1 = floor(2.195 * sqrt(n * c->r * c->q) - 4.6 * c->q) + 0.5;
        c->xm = c->m + 0.5;
        c->xl = c->xm - c->p1;
        c->xr = c->xm + c->p1;
        c->c = 0.134 + 20.5 / (15.3 + c->m);
        double a = (c->fm - c->xl) / (c->fm - c->xl * c->r);
        c->laml = a * (1.0 + a / 2.0);
        a = (c->xr - c->fm) / (c->xr * c->q);
        c->lamr = a * (1.0 + a / 2.0);
        c->p2 = c->p1 * (1.0 + 2.0 * c->c);
        c->p3 = c->p2 + c->c / c->laml;
        c->p4 = c->p3 + c->c / c->lamr;
    }
    const double r = c->r, q = c->q, fm = c->fm, p1 = c->p1, xm = c->xm, xl = c->xl, xr = c->xr;
    const double cc = c->c, laml = c->laml, lamr = c->lamr, p2 = c->p2, p3 = c->p3, p4 = c->p4;
    const int64_t m = c->m;
    (void)fm;
    for (;;) {
        double nrq = n * r * q;
        double u = nd__next_double(&rs->bg) * p4;
        double v = nd__next_double(&rs->bg);
        int64_t y;
        if (u <= p1) {
            return (int64_t)floor(xm - p1 * v + u);
        } else if (u <= p2) {
            double x = xl + (u - p1) / cc;
            v = v * cc + 1.0 - fabs(m - x + 0.5) / p1;
            if (v > 1.0) continue;
            y = (int64_t)floor(x);
        } else if (u <= p3) {
            y = (int64_t)floor(xl + log(v) / laml);
            if (y < 0 || v == 0.0) continue;
            v = v * (u - p2) * laml;
        } else {
            y = (int64_t)floor(xr - log(v) / lamr);
            if (y > n || v == 0.0) continue;
            v = v * (u - p3) * lamr;
        }
        int64_t k = y - m < 0 ? m - y : y - m;
        if (!(k > 20 && k < (nrq / 2.0 - 1))) {
            double s = r / q, a = s * (n + 1), F = 1.0;
            if (m < y) {
                for (int64_t i = m + 1; i <= y; i++) F *= (a / i - s);
            } else if (m > y) {
                for (int64_t i = y + 1; i <= m; i++) F /= (a / i - s);
            }
            if (v > F) continue;
            return y;
        }
        double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -k * k / (2 * nrq);
        double A = log(v);
        if (A < t - rho) return y;
        if (A > t + rho) continue;
        double x1 = (double)(y + 1), f1 = (double)(m + 1), z = (double)(n + 1 - m), w = (double)(n - y + 1);
        if (A > (xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
                 btpe_s(f1) + btpe_s(z) + btpe_s(x1) + btpe_s(w)))
            continue;
        return y;
    }
}

static int64_t binomial_core(nd__rs *rs, int64_t n, double p) {
    if (p <= 0.5) return p * n <= 30.0 ? binomial_inversion(rs, n, p) : binomial_btpe(rs, n, p);
    double q = 1.0 - p;
    return n - (q * n <= 30.0 ? binomial_inversion(rs, n, q) : binomial_btpe(rs, n, q));
}

int64_t nd__binomial(nd__rs *rs, int64_t n, double p) {
    if (n == 0 || p == 0.0) return 0;
    return binomial_core(rs, n, p);
}

int64_t nd__legacy_binomial(nd__rs *rs, int64_t n, double p) {
    return binomial_core(rs, n, p); /* RandomState has no n == 0 / p == 0 shortcut */
}

/* ------------------------------------------------------------ Poisson */

double nd__loggam(double x) {
    static const double a[10] = { 8.333333333333333e-02, -2.777777777777778e-03,
        7.936507936507937e-04, -5.952380952380952e-04, 8.417508417508418e-04,
        -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
        1.796443723688307e-01, -1.39243221690590e+00 };
    if (x == 1.0 || x == 2.0) return 0.0;
    int n = x < 7.0 ? (int)(7 - x) : 0;
    double x0 = x + n, x2 = (1.0 / x0) * (1.0 / x0), gl0 = a[9];
    for (int k = 8; k >= 0; k--) {
        gl0 *= x2;
        gl0 += a[k];
    }
    double gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * log(x0) - x0;
    if (x < 7.0) {
        for (int k = 1; k <= n; k++) {
            gl -= log(x0 - 1.0);
            x0 -= 1.0;
        }
    }
    return gl;
}

/* (int64_t)x as x86-64 converts: out of range and NaN give INT64_MIN (NumPy's C cast;
 * e.g. legacy negative_binomial with p == 0 draws Poisson(inf)), without C's UB. */
static inline int64_t to_i64(double x) {
    return x >= -9.223372036854775808e18 && x < 9.223372036854775808e18 ? (int64_t)x : INT64_MIN;
}

int64_t nd__poisson(nd__bitgen *bg, double lam) {
    if (lam >= 10) {
        double slam = sqrt(lam), loglam = log(lam);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double U = nd__next_double(bg) - 0.5, V = nd__next_double(bg);
            double us = 0.5 - fabs(U);
            int64_t k = to_i64(floor((2 * a / us + b) * U + lam + 0.43));
            if (us >= 0.07 && V <= vr) return k;
            if (k < 0 || (us < 0.013 && V > us)) continue;
            if ((log(V) + log(invalpha) - log(a / (us * us) + b)) <= (-lam + k * loglam - nd__loggam(k + 1)))
                return k;
        }
    }
    if (lam == 0) return 0;
    double enlam = exp(-lam), prod = 1.0;
    int64_t X = 0;
    for (;;) {
        prod *= nd__next_double(bg);
        if (prod > enlam) X++;
        else return X;
    }
}

/* ------------------------------------------------------------ legacy */

double nd__legacy_gauss(nd__rs *rs) { return nd__legacy_gauss_k(rs, rs->bg.kind); }

double nd__legacy_std_exp(nd__rs *rs) {
    return -log(1.0 - nd__next_double(&rs->bg));
}

double nd__legacy_std_gamma(nd__rs *rs, double shape) {
    if (shape == 1.0) return nd__legacy_std_exp(rs);
    if (shape == 0.0) return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double U = nd__next_double(&rs->bg);
            double V = nd__legacy_std_exp(rs);
            if (U <= 1.0 - shape) {
                double X = pow(U, 1. / shape);
                if (X <= V) return X;
            } else {
                double Y = -log((1 - U) / shape);
                double X = pow(1.0 - shape + shape * Y, 1. / shape);
                if (X <= (V + Y)) return X;
            }
        }
    }
    double b = shape - 1. / 3., c = 1. / sqrt(9 * b);
    for (;;) {
        double X, V;
        do {
            X = nd__legacy_gauss(rs);
            V = 1.0 + c * X;
        } while (V <= 0.0);
        V = V * V * V;
        double U = nd__next_double(&rs->bg);
        if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
        if (log(U) < 0.5 * X * X + b * (1. - V + log(V))) return b * V;
    }
}
