/* Private: scalar kernels of src/random/kernels.c (leg: RandomState's variant). */
#ifndef ND_RANDOM_KERNELS_H
#define ND_RANDOM_KERNELS_H
#include "random/rng.h"

double nd__k_beta(nd__rs *rs, bool leg, double a, double b);
double nd__k_chisquare(nd__rs *rs, bool leg, double df);
double nd__k_noncentral_chisquare(nd__rs *rs, bool leg, double df, double nonc);
double nd__k_f(nd__rs *rs, bool leg, double dfnum, double dfden);
double nd__k_noncentral_f(nd__rs *rs, bool leg, double dfnum, double dfden, double nonc);
double nd__k_standard_t(nd__rs *rs, bool leg, double df);
double nd__k_standard_cauchy(nd__rs *rs, bool leg);
double nd__k_pareto(nd__rs *rs, bool leg, double a);
double nd__k_weibull(nd__rs *rs, bool leg, double a);
double nd__k_power(nd__rs *rs, bool leg, double a);
double nd__k_rayleigh(nd__rs *rs, bool leg, double scale);
double nd__k_logistic(nd__rs *rs, double loc, double scale);
double nd__k_laplace(nd__rs *rs, double loc, double scale);
double nd__k_gumbel(nd__rs *rs, double loc, double scale);
double nd__k_wald(nd__rs *rs, bool leg, double mean, double scale);
double nd__k_triangular(nd__rs *rs, double left, double mode, double right);
double nd__k_vonmises(nd__rs *rs, bool leg, double mu, double kappa);
int64_t nd__k_geometric(nd__rs *rs, bool leg, double p);
int64_t nd__k_negative_binomial(nd__rs *rs, bool leg, double n, double p);
int64_t nd__k_zipf(nd__rs *rs, double a);
int64_t nd__k_logseries(nd__rs *rs, double p);
int64_t nd__k_hypergeometric(nd__rs *rs, bool leg, int64_t good, int64_t bad, int64_t sample);
#endif
