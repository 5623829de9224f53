/* The remaining scalar kernels: NumPy 1.24's Generator and RandomState algorithms of
 * the one-line distributions, beta, vonmises, zipf, logseries, geometric and
 * hypergeometric.  Parameters arrive validated. */
#include "random/kernels.h"

#include <math.h>

#define PI 3.141592653589793238462643383279502884

/* Generator (g_) and legacy (l_) building blocks by handle kind. */
static inline double std_norm(nd__rs *rs, bool leg) { return leg ? nd__legacy_gauss(rs) : nd__std_normal(&rs->bg); }
static inline double std_exp(nd__rs *rs, bool leg) { return leg ? nd__legacy_std_exp(rs) : nd__std_exp(&rs->bg); }
static inline double std_gamma(nd__rs *rs, bool leg, double s) {
    return leg ? nd__legacy_std_gamma(rs, s) : nd__std_gamma(&rs->bg, s);
}
static inline double U(nd__rs *rs) { return nd__next_double(&rs->bg); }

double nd__k_beta(nd__rs *rs, bool leg, double a, double b) {
    if (a <= 1.0 && b <= 1.0) {
        for (;;) {
            double u = U(rs), v = U(rs);
            double X = pow(u, 1.0 / a), Y = pow(v, 1.0 / b), XpY = X + Y;
            if (XpY <= 1.0 && (leg || u + v > 0.0)) {
                if (XpY > 0) return X / XpY;
                double logX = log(u) / a, logY = log(v) / b;
                double logM = logX > logY ? logX : logY;
                logX -= logM;
                logY -= logM;
                return exp(logX - log(exp(logX) + exp(logY)));
            }
        }
    }
    double Ga = std_gamma(rs, leg, a), Gb = std_gamma(rs, leg, b);
    return Ga / (Ga + Gb);
}

double nd__k_chisquare(nd__rs *rs, bool leg, double df) { return 2.0 * std_gamma(rs, leg, df / 2.0); }

double nd__k_noncentral_chisquare(nd__rs *rs, bool leg, double df, double nonc) {
    if (isnan(nonc)) return NAN;
    if (nonc == 0) return nd__k_chisquare(rs, leg, df);
    if (1 < df) {
        double Chi2 = nd__k_chisquare(rs, leg, df - 1);
        double n = std_norm(rs, leg) + sqrt(nonc);
        return Chi2 + n * n;
    }
    int64_t i = nd__poisson(&rs->bg, nonc / 2.0);
    return nd__k_chisquare(rs, leg, df + 2 * i);
}

double nd__k_f(nd__rs *rs, bool leg, double dfnum, double dfden) {
    double num = nd__k_chisquare(rs, leg, dfnum) * dfden; /* numerator first (GCC order) */
    return num / (nd__k_chisquare(rs, leg, dfden) * dfnum);
}

double nd__k_noncentral_f(nd__rs *rs, bool leg, double dfnum, double dfden, double nonc) {
    double t = nd__k_noncentral_chisquare(rs, leg, dfnum, nonc) * dfden;
    return t / (nd__k_chisquare(rs, leg, dfden) * dfnum);
}

double nd__k_standard_t(nd__rs *rs, bool leg, double df) {
    double num = std_norm(rs, leg);
    double denom = std_gamma(rs, leg, df / 2);
    return sqrt(df / 2) * num / sqrt(denom);
}

double nd__k_standard_cauchy(nd__rs *rs, bool leg) {
    double n = std_norm(rs, leg);
    return n / std_norm(rs, leg);
}

double nd__k_pareto(nd__rs *rs, bool leg, double a) {
    return leg ? exp(std_exp(rs, leg) / a) - 1 : expm1(std_exp(rs, leg) / a);
}

double nd__k_weibull(nd__rs *rs, bool leg, double a) {
    if (a == 0.0) return 0.0;
    return pow(std_exp(rs, leg), 1. / a);
}

double nd__k_power(nd__rs *rs, bool leg, double a) {
    return leg ? pow(1 - exp(-std_exp(rs, leg)), 1. / a) : pow(-expm1(-std_exp(rs, leg)), 1. / a);
}

double nd__k_rayleigh(nd__rs *rs, bool leg, double scale) {
    if (leg) return scale * sqrt(-2.0 * log1p(-U(rs)));
    return scale * sqrt(2.0 * std_exp(rs, leg));
}

double nd__k_logistic(nd__rs *rs, double loc, double scale) {
    double u;
    do u = U(rs); while (u <= 0.0);
    return loc + scale * log(u / (1.0 - u));
}

double nd__k_laplace(nd__rs *rs, double loc, double scale) {
    for (;;) {
        double u = U(rs);
        if (u >= 0.5) return loc - scale * log(2.0 - u - u);
        if (u > 0.0) return loc + scale * log(u + u);
    }
}

double nd__k_gumbel(nd__rs *rs, double loc, double scale) {
    for (;;) {
        double u = 1.0 - U(rs);
        if (u < 1.0) return loc - scale * log(-log(u));
    }
}

double nd__k_wald(nd__rs *rs, bool leg, double mean, double scale) {
    double mu_2l = mean / (2 * scale);
    double Y = std_norm(rs, leg);
    Y = mean * Y * Y;
    double X = mean + mu_2l * (Y - sqrt(4 * scale * Y + Y * Y));
    double u = U(rs);
    if (u <= mean / (mean + X)) return X;
    return mean * mean / X;
}

double nd__k_triangular(nd__rs *rs, double left, double mode, double right) {
    double base = right - left, leftbase = mode - left, ratio = leftbase / base;
    double leftprod = leftbase * base, rightprod = (right - mode) * base;
    double u = U(rs);
    if (u <= ratio) return left + sqrt(u * leftprod);
    return right - sqrt((1.0 - u) * rightprod);
}

double nd__k_vonmises(nd__rs *rs, bool leg, double mu, double kappa) {
    double s, W, Y, V, Z, u;
    if (isnan(kappa)) return NAN;
    if (kappa < 1e-8) return PI * (2 * U(rs) - 1);
    if (kappa < 1e-5) {
        s = (1. / kappa + kappa);
    } else if (leg || kappa <= 1e6) {
        double r = 1 + sqrt(1 + 4 * kappa * kappa);
        double rho = (r - sqrt(2 * r)) / (2 * kappa);
        s = (1 + rho * rho) / (2 * rho);
    } else {
        /* wrapped normal for very large kappa (Generator) */
        double result = mu + sqrt(1. / kappa) * std_norm(rs, leg);
        if (result < -PI) result += 2 * PI;
        if (result > PI) result -= 2 * PI;
        return result;
    }
    for (;;) {
        u = U(rs);
        Z = cos(PI * u);
        W = (1 + s * Z) / (s + Z);
        Y = kappa * (s - W);
        V = U(rs);
        if ((Y * (2 - Y) - V >= 0) || (log(Y / V) + 1 - Y >= 0)) break;
    }
    u = U(rs);
    double result = acos(W);
    if (u < 0.5) result = -result;
    result += mu;
    int neg = (result < 0);
    double mod = fabs(result);
    mod = (fmod(mod + PI, 2 * PI) - PI);
    if (neg) mod *= -1;
    return mod;
}

int64_t nd__k_geometric(nd__rs *rs, bool leg, double p) {
    if (p >= 0.333333333333333333333333) {
        int64_t X = 1;
        double sum = p, prod = p, q = 1.0 - p, u = U(rs);
        while (u > sum) {
            prod *= q;
            sum += prod;
            X++;
        }
        return X;
    }
    double z = leg ? ceil(log(1.0 - U(rs)) / log(1.0 - p)) : ceil(-std_exp(rs, leg) / log1p(-p));
    if (z >= 9.223372036854776e+18) return INT64_MAX;
    return (int64_t)z;
}

int64_t nd__k_negative_binomial(nd__rs *rs, bool leg, double n, double p) {
    double Y = std_gamma(rs, leg, n) * ((1 - p) / p);
    return nd__poisson(&rs->bg, Y);
}

int64_t nd__k_zipf(nd__rs *rs, double a) {
    double am1 = a - 1.0, b = pow(2.0, am1);
    for (;;) {
        double u = 1.0 - U(rs), v = U(rs);
        double X = floor(pow(u, -1.0 / am1));
        if (X > (double)INT64_MAX || X < 1.0) continue;
        double T = pow(1.0 + 1.0 / X, am1);
        if (v * X * (T - 1.0) / (b - 1.0) <= T / b) return (int64_t)X;
    }
}

int64_t nd__k_logseries(nd__rs *rs, double p) {
    double r = log1p(-p);
    for (;;) {
        double V = U(rs);
        if (V >= p) return 1;
        double u = U(rs);
        double q = -expm1(r * u);
        if (V <= q * q) {
            int64_t result = (int64_t)floor(1 + log(V) / log(q));
            if (result < 1 || V == 0.0) continue;
            return result;
        }
        if (V >= q) return 1;
        return 2;
    }
}

/* log(k!) */
static double logfactorial(int64_t k) {
    return lgamma((double)k + 1.0);
}

static int64_t hyper_sample(nd__rs *rs, int64_t good, int64_t bad, int64_t sample) {
    int64_t total = good + bad, computed = sample > total / 2 ? total - sample : sample;
    int64_t remaining_total = total, remaining_good = good;
    while (computed > 0 && remaining_good > 0 && remaining_total > remaining_good) {
        --remaining_total;
        if ((int64_t)nd__random_interval(&rs->bg, (uint64_t)remaining_total) < remaining_good) --remaining_good;
        --computed;
    }
    if (remaining_total == remaining_good) remaining_good -= computed;
    return sample > total / 2 ? remaining_good : good - remaining_good;
}

static int64_t hyper_hrua(nd__rs *rs, int64_t good, int64_t bad, int64_t sample) {
    const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
    int64_t popsize = good + bad;
    int64_t computed = sample < popsize - sample ? sample : popsize - sample;
    int64_t mingb = good < bad ? good : bad, maxgb = good < bad ? bad : good;
    double p = (double)mingb / popsize, q = (double)maxgb / popsize;
    double mu = computed * p, a = mu + 0.5;
    double var = ((double)(popsize - computed) * computed * p * q / (popsize - 1));
    double c = sqrt(var + 0.5), h = D1 * c + D2;
    int64_t m = (int64_t)floor((double)(computed + 1) * (mingb + 1) / (popsize + 2));
    double g = logfactorial(m) + logfactorial(mingb - m) + logfactorial(computed - m) +
               logfactorial(maxgb - computed + m);
    double b = fmin(fmin((double)computed, (double)mingb) + 1, floor(a + 16 * c));
    int64_t K;
    for (;;) {
        double u = U(rs), v = U(rs);
        double X = a + h * (v - 0.5) / u;
        if (X < 0.0 || X >= b) continue;
        K = (int64_t)floor(X);
        double gp = logfactorial(K) + logfactorial(mingb - K) + logfactorial(computed - K) +
                    logfactorial(maxgb - computed + K);
        double T = g - gp;
        if ((u * (4.0 - u) - 3.0) <= T) break;
        if (u * (u - T) >= 1) continue;
        if (2.0 * log(u) <= T) break;
    }
    if (good > bad) K = computed - K;
    if (computed < sample) K = good - K;
    return K;
}

/* RandomState's hypergeometric: HYP for samples up to 10, else its own HRUA variant. */
static int64_t legacy_hyp(nd__rs *rs, int64_t good, int64_t bad, int64_t sample) {
    int64_t d1 = bad + good - sample, k = sample;
    double d2 = (double)(good < bad ? good : bad), y = d2;
    while (y > 0.0) {
        double u = U(rs);
        y -= (int64_t)floor(u + y / (d1 + k));
        if (--k == 0) break;
    }
    int64_t z = (int64_t)(d2 - y);
    return good > bad ? sample - z : z;
}

static int64_t legacy_hrua(nd__rs *rs, int64_t good, int64_t bad, int64_t sample) {
    const double D1 = 1.7155277699214135, D2 = 0.8989161620588988;
    int64_t mingb = good < bad ? good : bad, maxgb = good < bad ? bad : good, popsize = good + bad;
    int64_t m = sample < popsize - sample ? sample : popsize - sample;
    double d4 = (double)mingb / popsize, d5 = 1.0 - d4, d6 = m * d4 + 0.5;
    double d7 = sqrt((double)(popsize - m) * sample * d4 * d5 / (popsize - 1) + 0.5);
    double d8 = D1 * d7 + D2;
    int64_t d9 = (int64_t)floor((double)(m + 1) * (mingb + 1) / (popsize + 2));
    double d10 = nd__loggam(d9 + 1) + nd__loggam(mingb - d9 + 1) + nd__loggam(m - d9 + 1) +
                 nd__loggam(maxgb - m + d9 + 1);
    double d11 = fmin(fmin(m, mingb) + 1.0, floor(d6 + 16 * d7));
    int64_t Z;
    for (;;) {
        double X = U(rs), Y = U(rs), W = d6 + d8 * (Y - 0.5) / X;
        if (W < 0.0 || W >= d11) continue;
        Z = (int64_t)floor(W);
        double T = d10 - (nd__loggam(Z + 1) + nd__loggam(mingb - Z + 1) + nd__loggam(m - Z + 1) +
                          nd__loggam(maxgb - m + Z + 1));
        if ((X * (4.0 - X) - 3.0) <= T) break;
        if (X * (X - T) >= 1) continue;
        if (2.0 * log(X) <= T) break;
    }
    if (good > bad) Z = m - Z;
    if (m < sample) Z = good - Z;
    return Z;
}

int64_t nd__k_hypergeometric(nd__rs *rs, bool leg, int64_t good, int64_t bad, int64_t sample) {
    if (leg) return sample > 10 ? legacy_hrua(rs, good, bad, sample) : sample > 0 ? legacy_hyp(rs, good, bad, sample) : 0;
    if (sample >= 10 && sample <= good + bad - 10) return hyper_hrua(rs, good, bad, sample);
    return hyper_sample(rs, good, bad, sample);
}
