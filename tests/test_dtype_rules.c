/* np.can_cast (all five rules), np.promote_types, np.result_type, np.finfo and np.iinfo
 * against NumPy's tables (tests/golden/dtype/gen_rules.py) for every pair of
 * 14 numeric dtypes and S/U of 13 widths.  The tables are NumPy 2.x's as well: the
 * string casting resolvers and "numbers promote to strings" are unchanged in 2.x. */
#include "check.h"

static const nd_dtype_t *dt(const char *s)
{
    const nd_dtype_t *d = nd_dtype_parse(s);
    if (!d)
        fprintf(stderr, "cannot parse dtype %s: %s\n", s, nd_error_message());
    return d;
}

static FILE *open_golden(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/dtype/%s", ND_GOLDEN_DIR, name);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "missing %s", path);
    return f;
}

static void test_can_cast(void)
{
    FILE *f = open_golden("can_cast.txt");
    if (!f)
        return;
    char a[32], b[32];
    int r[5], n = 0, bad = 0;
    static const nd_casting rules[5] = { ND_CASTING_NO, ND_CASTING_EQUIV, ND_CASTING_SAFE,
                                         ND_CASTING_SAME_KIND, ND_CASTING_UNSAFE };
    while (fscanf(f, "%31s %31s %d %d %d %d %d", a, b, &r[0], &r[1], &r[2], &r[3], &r[4]) == 7) {
        const nd_dtype_t *da = dt(a), *db = dt(b);
        if (!da || !db) { bad++; continue; }
        for (int k = 0; k < 5; k++) {
            if (nd_can_cast(da, db, rules[k]) != (bool)r[k] && bad++ < 20)
                fprintf(stderr, "can_cast(%s, %s, rule %d): got %d\n", a, b, k, !r[k]);
        }
        if (nd_can_cast(da, db, ND_CASTING_DEFAULT) != (bool)r[2])
            bad++;
        nd_dtype_free(da);
        nd_dtype_free(db);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(n, 1600);
}

static void test_promote(void)
{
    FILE *f = open_golden("promote.txt");
    if (!f)
        return;
    char a[32], b[32], want[32];
    int n = 0, bad = 0;
    while (fscanf(f, "%31s %31s %31s", a, b, want) == 3) {
        const nd_dtype_t *da = dt(a), *db = dt(b);
        const nd_dtype_t *p = nd_promote_types(da, db);
        const char *got = p ? nd_dtype_str_repr(p) : "TypeError";
        if (strcmp(got, want) != 0 && bad++ < 20)
            fprintf(stderr, "promote_types(%s, %s): got %s expected %s\n", a, b, got, want);
        /* result_type of the pair agrees, in both orders */
        const nd_dtype_t *pair[2] = { db, da };
        const nd_dtype_t *q = nd_result_type(2, pair);
        if (!q || !p || !nd_dtype_equal(p, q))
            bad++;
        nd_dtype_free(q);
        nd_dtype_free(p);
        nd_dtype_free(da);
        nd_dtype_free(db);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(n, 1600);
}

static void test_result_type(void)
{
    /* NumPy finds the common class first: result_type(i1, u1, S1) is S4, not S6 */
    const nd_dtype_t *s1 = nd_dtype_bytes(1);
    const nd_dtype_t *three[3] = { ND_INT8, ND_UINT8, s1 };
    const nd_dtype_t *r = nd_result_type(3, three);
    CHECK_EQ_STR(r ? nd_dtype_str_repr(r) : "", "|S4");
    nd_dtype_free(r);
    const nd_dtype_t *nums[4] = { ND_INT8, ND_UINT16, ND_FLOAT16, ND_BOOL };
    r = nd_result_type(4, nums);
    CHECK(r == ND_FLOAT32);
    const nd_dtype_t *one[1] = { ND_UINT64 };
    CHECK(nd_result_type(1, one) == ND_UINT64);
    const nd_dtype_t *u = nd_dtype_str(3);
    const nd_dtype_t *mix[3] = { s1, u, ND_INT16 };
    r = nd_result_type(3, mix);
    CHECK_EQ_STR(r ? nd_dtype_str_repr(r) : "", "<U6");
    nd_dtype_free(r);
    CHECK_ERR(nd_result_type(0, one), ND_ERR_VALUE, "at least one array or dtype is required");
    CHECK_ERR(nd_promote_types(NULL, ND_INT8), ND_ERR_TYPE, NULL);
    CHECK(!nd_can_cast(NULL, ND_INT8, ND_CASTING_UNSAFE));
    /* unsized strings: any width */
    const nd_dtype_t *s0 = nd_dtype_bytes(0);
    CHECK(nd_can_cast(ND_INT64, s0, ND_CASTING_SAFE));
    const nd_dtype_t *p = nd_promote_types(s0, ND_INT8);
    CHECK_EQ_STR(p ? nd_dtype_str_repr(p) : "", "|S4");
    nd_dtype_free(p);
    nd_dtype_free(s0);
    nd_dtype_free(u);
    nd_dtype_free(s1);
}

static void test_result_type3(void)
{
    FILE *f = open_golden("result_type3.txt");
    if (!f)
        return;
    char a[3][32], want[32];
    int n = 0, bad = 0;
    while (fscanf(f, "%31s %31s %31s %31s", a[0], a[1], a[2], want) == 4) {
        const nd_dtype_t *d[3] = { dt(a[0]), dt(a[1]), dt(a[2]) };
        const nd_dtype_t *r = nd_result_type(3, d);
        const char *got = r ? nd_dtype_str_repr(r) : "error";
        if (strcmp(got, want) != 0 && bad++ < 20)
            fprintf(stderr, "result_type(%s, %s, %s): got %s expected %s\n", a[0], a[1], a[2], got, want);
        nd_dtype_free(r);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(n, 14 * 14 * 14);
}

static void test_finfo(void)
{
    FILE *f = open_golden("finfo.txt");
    if (!f)
        return;
    char name[32], h[8][64];
    int bits, ints[8], n = 0;
    while (fscanf(f, "%31s %d %63s %63s %63s %63s %63s %63s %63s %63s %d %d %d %d %d %d %d %d",
                  name, &bits, h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], &ints[0], &ints[1],
                  &ints[2], &ints[3], &ints[4], &ints[5], &ints[6], &ints[7]) == 18) {
        const nd_dtype_t *d = dt(name);
        nd_finfo_t fi;
        CHECK(nd_finfo(d, &fi) == 0);
        double v[8];
        for (int k = 0; k < 8; k++)
            v[k] = strtod(h[k], NULL);
        CHECK_EQ_INT(fi.bits, bits);
        CHECK_NEAR(fi.eps, v[0], 0);
        CHECK_NEAR(fi.epsneg, v[1], 0);
        CHECK_NEAR(fi.max, v[2], 0);
        CHECK_NEAR(fi.min, v[3], 0);
        CHECK_NEAR(fi.tiny, v[4], 0);
        CHECK_NEAR(fi.smallest_normal, v[5], 0);
        CHECK_NEAR(fi.smallest_subnormal, v[6], 0);
        CHECK_NEAR(fi.resolution, v[7], 0);
        CHECK_EQ_INT(fi.precision, ints[0]);
        CHECK_EQ_INT(fi.iexp, ints[1]);
        CHECK_EQ_INT(fi.nmant, ints[2]);
        CHECK_EQ_INT(fi.nexp, ints[3]);
        CHECK_EQ_INT(fi.machep, ints[4]);
        CHECK_EQ_INT(fi.negep, ints[5]);
        CHECK_EQ_INT(fi.minexp, ints[6]);
        CHECK_EQ_INT(fi.maxexp, ints[7]);
        CHECK_EQ_INT(nd_dtype_itemsize(fi.dtype) * 8, bits);
        nd_dtype_free(d);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(n, 5);
    nd_finfo_t fi;
    CHECK_ERR(nd_finfo(ND_INT8, &fi), ND_ERR_VALUE, "data type <class 'numpy.int8'> not inexact");
    CHECK_ERR(nd_finfo(NULL, &fi), ND_ERR_VALUE, NULL);
}

static void test_iinfo(void)
{
    FILE *f = open_golden("iinfo.txt");
    if (!f)
        return;
    char name[32], smin[32], smax[32];
    int bits, n = 0;
    while (fscanf(f, "%31s %d %31s %31s", name, &bits, smin, smax) == 4) {
        const nd_dtype_t *d = dt(name);
        nd_iinfo_t ii;
        CHECK(nd_iinfo(d, &ii) == 0);
        CHECK_EQ_INT(ii.bits, bits);
        CHECK_EQ_INT(ii.min, strtoll(smin, NULL, 10));
        CHECK(ii.umax == strtoull(smax, NULL, 10));
        if (ii.kind == 'i')
            CHECK_EQ_INT(ii.max, strtoll(smax, NULL, 10));
        nd_dtype_free(d);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(n, 8);
    nd_iinfo_t ii;
    CHECK_ERR(nd_iinfo(ND_FLOAT64, &ii), ND_ERR_VALUE, "Invalid integer data type 'f'.");
    CHECK_ERR(nd_iinfo(ND_BOOL, &ii), ND_ERR_VALUE, "Invalid integer data type 'b'.");
}

int main(void)
{
    test_can_cast();
    test_promote();
    test_result_type();
    test_result_type3();
    test_finfo();
    test_iinfo();
    return check_done();
}
