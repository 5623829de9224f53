/* np.finfo and np.iinfo: machine limits of the numeric types, as NumPy reports them. */
#include "core/internal.h"

#include <float.h>
#include <math.h>

int nd_finfo(const nd_dtype_t *d, nd_finfo_t *out)
{
    if (!d || !out) {
        nd__err(ND_ERR_VALUE, "finfo: dtype and output must not be NULL");
        return -1;
    }
    if (d->kind != 'f' && d->kind != 'c') {
        nd__err(ND_ERR_VALUE, "data type <class 'numpy.%s'> not inexact",
                d->type == ND_TYPE_BOOL ? "bool" : d->type == ND_TYPE_BYTES ? "bytes_" :
                d->type == ND_TYPE_STR ? "str_" : d->type == ND_TYPE_VOID ? "void" : d->name);
        return -1;
    }
    /* the real type described: float64 for complex128, float32 for complex64 */
    int64_t size = d->kind == 'c' ? d->itemsize / 2 : d->itemsize;
    /* IEEE binary16/32/64: mantissa bits, exponent bits, decimal precision */
    int nmant = size == 2 ? 10 : size == 4 ? 23 : 52;
    int nexp = size == 2 ? 5 : size == 4 ? 8 : 11;
    int precision = size == 2 ? 3 : size == 4 ? 6 : 15;
    int maxexp = 1 << (nexp - 1), minexp = 2 - maxexp;
    memset(out, 0, sizeof *out);
    out->bits = (int)size * 8;
    out->dtype = size == 2 ? ND_FLOAT16 : size == 4 ? ND_FLOAT32 : ND_FLOAT64;
    out->nmant = nmant;
    out->nexp = nexp;
    out->iexp = nexp;
    out->precision = precision;
    out->machep = -nmant;
    out->negep = -nmant - 1;
    out->minexp = minexp;
    out->maxexp = maxexp;
    out->eps = ldexp(1.0, -nmant);
    out->epsneg = ldexp(1.0, -nmant - 1);
    out->max = ldexp(2.0 - ldexp(1.0, -nmant), maxexp - 1);
    out->min = -out->max;
    out->tiny = ldexp(1.0, minexp);
    out->smallest_normal = out->tiny;
    out->smallest_subnormal = ldexp(1.0, minexp - nmant);
    /* 10**-precision rounded to the type, as NumPy stores it */
    double r = pow(10.0, -precision);
    out->resolution = size == 2 ? nd__half_to_double(nd__double_to_half(r))
                    : size == 4 ? (double)(float)r : r;
    return 0;
}

int nd_iinfo(const nd_dtype_t *d, nd_iinfo_t *out)
{
    if (!d || !out) {
        nd__err(ND_ERR_VALUE, "iinfo: dtype and output must not be NULL");
        return -1;
    }
    if (d->kind != 'i' && d->kind != 'u') {
        nd__err(ND_ERR_VALUE, "Invalid integer data type '%c'.", d->kind);
        return -1;
    }
    int bits = (int)d->itemsize * 8;
    memset(out, 0, sizeof *out);
    out->bits = bits;
    out->kind = d->kind;
    out->dtype = d;
    if (d->kind == 'u') {
        out->umax = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
        out->max = out->umax > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)out->umax;
        out->min = 0;
    } else {
        out->max = bits == 64 ? INT64_MAX : (int64_t)((UINT64_C(1) << (bits - 1)) - 1);
        out->min = -out->max - 1;
        out->umax = (uint64_t)out->max;
    }
    return 0;
}
