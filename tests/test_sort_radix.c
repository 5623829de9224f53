/* The radix paths of sort/argsort on arrays large enough to split on their top byte
 * before finishing in cache (more than 2^18 elements), checked by the properties that
 * define NumPy's stable result: the values come out in order (NaNs last, -0.0 equal to
 * 0.0), and equal values keep their input order.  Also sort_complex of strings. */
#include "check.h"

#include <math.h>

#define N 700001

static uint64_t mix(uint64_t i) { return i * UINT64_C(0x9E3779B97F4A7C15); }

/* x sorts before y (NaNs last); eq: neither before the other. */
static bool before(double x, double y) { return x < y || (isnan(y) && !isnan(x)); }

/* Element i of array a as a double (every dtype tested converts exactly). */
static double at(const nd_array *a, int64_t i) {
    const char *p = (const char *)nd_data(a) + i * nd_dtype_itemsize(nd_dtype(a));
    switch (nd_dtype_type(nd_dtype(a))) {
    case ND_TYPE_FLOAT64: { double v; memcpy(&v, p, 8); return v; }
    case ND_TYPE_FLOAT32: { float v; memcpy(&v, p, 4); return v; }
    case ND_TYPE_INT32: { int32_t v; memcpy(&v, p, 4); return v; }
    case ND_TYPE_INT16: { int16_t v; memcpy(&v, p, 2); return v; }
    case ND_TYPE_UINT8: return *(const uint8_t *)p;
    default: { int64_t v; memcpy(&v, p, 8); return (double)v; }
    }
}

/* int64 keys compared exactly (a double loses their low bits) */
static int cmp_i64(const nd_array *a, int64_t i, int64_t j) {
    int64_t x = ((const int64_t *)nd_data(a))[i], y = ((const int64_t *)nd_data(a))[j];
    return (x > y) - (x < y);
}

static int cmp_at(const nd_array *a, int64_t i, int64_t j) {
    if (nd_dtype_type(nd_dtype(a)) == ND_TYPE_INT64) return cmp_i64(a, i, j);
    double x = at(a, i), y = at(a, j);
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

static void check_stable(const nd_array *a, const char *what) {
    int64_t n = nd_size(a);
    size_t es = (size_t)nd_dtype_itemsize(nd_dtype(a));
    nd_array *idx = nd_argsort(a, .kind = ND_STABLE), *s = nd_sort(a, .kind = ND_STABLE);
    nd_array *q = nd_sort(a), *si = nd_sort(idx);
    CHECK_MSG(idx && s && q && si, "%s: results", what);
    if (!idx || !s || !q || !si) goto done;
    const int64_t *ix = nd_data(idx), *sx = nd_data(si);
    bool perm = true, order = true, bytes = true, quick = true;
    for (int64_t i = 0; i < n; i++) perm &= sx[i] == i;
    for (int64_t i = 1; i < n && perm; i++) {
        int c = cmp_at(a, ix[i - 1], ix[i]);
        order &= c < 0 || (c == 0 && ix[i - 1] < ix[i]);
    }
    /* the stable sort is the gather by the stable argsort, byte for byte (-0.0 and NaN
     * bits stay where they were) */
    for (int64_t i = 0; i < n && perm; i++)
        bytes &= !memcmp((const char *)nd_data(s) + (size_t)i * es, (const char *)nd_data(a) + (size_t)ix[i] * es, es);
    /* quicksort (radix here too) gives the same values */
    for (int64_t i = 0; i < n; i++) quick &= cmp_at(q, i, i) == 0 && cmp_at(s, i, i) == 0 && !(before(at(q, i), at(s, i)) || before(at(s, i), at(q, i)));
    CHECK_MSG(perm, "%s: argsort is a permutation", what);
    CHECK_MSG(order, "%s: stable argsort orders values, ties by index", what);
    CHECK_MSG(bytes, "%s: stable sort == a[stable argsort]", what);
    CHECK_MSG(quick, "%s: quicksort values", what);
done:
    nd_free(idx); nd_free(s); nd_free(q); nd_free(si);
}

static nd_array *make(const nd_dtype_t *dt, int pattern) {
    nd_array *a = nd_empty(ND_SHAPE(N), .dtype = dt);
    if (!a) return NULL;
    for (int64_t i = 0; i < N; i++) {
        uint64_t h = mix((uint64_t)i);
        char *p = (char *)nd_data(a) + i * nd_dtype_itemsize(dt);
        double x;
        switch (pattern) {
        case 0: x = ((double)(h >> 11) * 0x1p-53) * 2000.0 - 1000.0; break; /* uniform */
        case 1: x = (double)(h >> 61) - 3.0; break;                          /* 8 values */
        default: /* narrow range with zeros of both signs, NaNs and infinities */
            x = 1.0 + (double)(h >> 44) * 0x1p-20;
            if ((h >> 40) % 13 == 0) x = (h >> 38) & 1 ? -0.0 : 0.0;
            if ((h >> 40) % 17 == 0) x = (h >> 37) & 1 ? -NAN : NAN;
            if ((h >> 40) % 19 == 0) x = (h >> 36) & 1 ? -INFINITY : INFINITY;
            if ((h >> 40) % 23 == 0) x = -x;
        }
        switch (nd_dtype_type(dt)) {
        case ND_TYPE_FLOAT64: memcpy(p, &x, 8); break;
        case ND_TYPE_FLOAT32: { float f = (float)x; memcpy(p, &f, 4); break; }
        case ND_TYPE_INT64: { int64_t v = pattern == 0 ? (int64_t)h : (int64_t)x * 1000003; memcpy(p, &v, 8); break; }
        case ND_TYPE_INT32: { int32_t v = pattern == 0 ? (int32_t)(h >> 32) : (int32_t)x; memcpy(p, &v, 4); break; }
        case ND_TYPE_INT16: { int16_t v = (int16_t)(h >> 48); memcpy(p, &v, 2); break; }
        default: *(uint8_t *)p = (uint8_t)(h >> 56); break;
        }
    }
    return a;
}

static void radix_cases(void) {
    const nd_dtype_t *dts[] = { ND_FLOAT64, ND_FLOAT32, ND_INT64, ND_INT32, ND_INT16, ND_UINT8 };
    const char *names[] = { "float64", "float32", "int64", "int32", "int16", "uint8" };
    for (int d = 0; d < 6; d++)
        for (int pat = 0; pat < 3; pat++) {
            bool flt = d < 2;
            if (!flt && pat == 2) continue;
            if (d >= 4 && pat > 0) continue;
            char what[64];
            snprintf(what, sizeof what, "%s pattern %d", names[d], pat);
            nd_array *a = make(dts[d], pat);
            CHECK(a);
            if (a) check_stable(a, what);
            nd_free(a);
        }
}

static void sort_complex_strings(void) {
    const char *s[] = { "2", "1.5", "10", "-3+1j" };
    const double want[] = { -3, 1, 1.5, 0, 10, 0, 2, 0 }; /* sorted as strings first */
    for (int k = 0; k < 2; k++) {
        nd_array *u = nd_from_strings(s, ND_SHAPE(4), k ? 'S' : 'U', 0);
        nd_array *r = nd_sort_complex(u);
        CHECK(r && nd_dtype(r) == ND_COMPLEX128 && nd_size(r) == 4);
        if (r) CHECK(!memcmp(nd_data(r), want, sizeof want));
        nd_free(r);
        nd_free(u);
        /* NumPy 1.24: ValueError from the string -> complex conversion */
        u = nd_from_strings((const char *[]){ "b", "a" }, ND_SHAPE(2), k ? 'S' : 'U', 0);
        CHECK_ERR(nd_sort_complex(u), ND_ERR_VALUE, "complex() arg is a malformed string");
        nd_free(u);
    }
}

int main(void) {
    radix_cases();
    sort_complex_strings();
    return check_done();
}
