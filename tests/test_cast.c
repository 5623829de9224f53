/* Casts between every pair of numeric dtypes on NumPy's special values (golden, raw
 * bytes), numbers -> text (str() of the value), text -> numbers (Python's int/float/
 * complex syntax; NumPy 2's OverflowError for out-of-range integers), S <-> U, strided
 * and reversed loops, and the nd_value scalars. */
#define ND_BUILDING_LIBRARY 1 /* white-box: the cast loops are private */
#include "core/cast.h"

#include "check.h"

static const nd_type numeric[14] = {
    ND_TYPE_BOOL, ND_TYPE_INT8, ND_TYPE_INT16, ND_TYPE_INT32, ND_TYPE_INT64, ND_TYPE_UINT8,
    ND_TYPE_UINT16, ND_TYPE_UINT32, ND_TYPE_UINT64, ND_TYPE_FLOAT16, ND_TYPE_FLOAT32,
    ND_TYPE_FLOAT64, ND_TYPE_COMPLEX64, ND_TYPE_COMPLEX128 };

static int unhex(const char *h, unsigned char *out, size_t cap)
{
    size_t n = strlen(h) / 2;
    if (n > cap)
        return -1;
    for (size_t k = 0; k < n; k++) {
        unsigned v;
        sscanf(h + 2 * k, "%2x", &v);
        out[k] = (unsigned char)v;
    }
    return (int)n;
}

static void tohex(const unsigned char *p, size_t n, char *out)
{
    for (size_t k = 0; k < n; k++)
        sprintf(out + 2 * k, "%02x", p[k]);
    out[2 * n] = 0;
}

static FILE *open_golden(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/dtype/%s", ND_GOLDEN_DIR, name);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "missing %s", path);
    return f;
}

static void test_numeric_golden(void)
{
    FILE *f = open_golden("cast_numeric.txt");
    if (!f)
        return;
    char line[4096];
    int lines = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *tok = strtok(line, " \n");
        const nd_dtype_t *sd = nd_dtype_parse(tok);
        unsigned char src[16], want[16], got[16];
        unhex(strtok(NULL, " \n"), src, sizeof src);
        for (int k = 0; k < 14; k++) {
            const nd_dtype_t *dd = nd_dtype_from_type(numeric[k]);
            int n = unhex(strtok(NULL, " \n"), want, sizeof want);
            memset(got, 0xAA, sizeof got);
            nd__cast_fn fn = nd__get_cast(dd, sd);
            if (fn)
                fn((char *)got, 0, (const char *)src, 0, 1, dd, sd);
            if (!fn || memcmp(got, want, (size_t)n) != 0) {
                char gh[40], wh[40], sh[40];
                tohex(got, (size_t)n, gh);
                tohex(want, (size_t)n, wh);
                tohex(src, (size_t)nd_dtype_itemsize(sd), sh);
                if (bad++ < 30)
                    fprintf(stderr, "%s %s -> %s: got %s expected %s\n", nd_dtype_name(sd), sh,
                            nd_dtype_name(dd), gh, wh);
            }
        }
        nd_dtype_free(sd);
        lines++;
    }
    fclose(f);
    CHECK_EQ_INT(bad, 0);
    CHECK(lines > 300);
}

static void test_text_golden(void)
{
    FILE *f = open_golden("cast_text.txt");
    if (!f)
        return;
    char line[512], name[32], hex[64], text[256];
    int bad = 0, lines = 0;
    const nd_dtype_t *s64 = nd_dtype_bytes(64), *u64 = nd_dtype_str(64);
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%31s %63s %255[^\n]", name, hex, text) != 3)
            continue;
        const nd_dtype_t *sd = nd_dtype_parse(name);
        unsigned char src[16];
        unhex(hex, src, sizeof src);
        char outs[65] = { 0 };
        uint32_t outu[64];
        CHECK(nd__cast_run(s64, sd, outs, 0, (const char *)src, 0, 1) == 0);
        CHECK(nd__cast_run(u64, sd, (char *)outu, 0, (const char *)src, 0, 1) == 0);
        char fromu[65];
        for (int k = 0; k < 64; k++)
            fromu[k] = (char)outu[k];
        fromu[64] = 0;
        if ((strcmp(outs, text) != 0 || strcmp(fromu, text) != 0) && bad++ < 30)
            fprintf(stderr, "str(%s %s): got [%s] expected [%s]\n", name, hex, outs, text);
        nd_dtype_free(sd);
        lines++;
    }
    fclose(f);
    nd_dtype_free(s64);
    nd_dtype_free(u64);
    CHECK_EQ_INT(bad, 0);
    CHECK(lines > 300);
    /* default widths of astype('S') */
    CHECK_EQ_INT(nd__cast_string_width(ND_BOOL), 5);
    CHECK_EQ_INT(nd__cast_string_width(ND_INT8), 4);
    CHECK_EQ_INT(nd__cast_string_width(ND_UINT64), 20);
    CHECK_EQ_INT(nd__cast_string_width(ND_INT64), 21);
    CHECK_EQ_INT(nd__cast_string_width(ND_FLOAT16), 32);
    CHECK_EQ_INT(nd__cast_string_width(ND_COMPLEX64), 64);
}

/* Decode UTF-8 into code points; returns the count. */
static int utf8_decode(const unsigned char *s, int n, uint32_t *out)
{
    int k = 0, m = 0;
    while (k < n) {
        uint32_t c = s[k];
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
        c &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : extra == 1 ? 0x1f : 0x7f;
        for (int j = 1; j <= extra && k + j < n; j++)
            c = (c << 6) | (s[k + j] & 0x3f);
        k += 1 + extra;
        out[m++] = c;
    }
    return m;
}

static void test_parse_golden(void)
{
    FILE *f = open_golden("parse.txt");
    if (!f)
        return;
    char kind[4], name[32], hex[200], want[80];
    int bad = 0, lines = 0;
    const nd_dtype_t *s40 = nd_dtype_bytes(40), *u40 = nd_dtype_str(40);
    while (fscanf(f, "%3s %31s %199s %79s", kind, name, hex, want) == 4) {
        const nd_dtype_t *dd = nd_dtype_parse(name);
        unsigned char bytes[100] = { 0 };
        int n = strcmp(hex, "-") == 0 ? 0 : unhex(hex, bytes, sizeof bytes);
        char src[160] = { 0 };
        const nd_dtype_t *sd = kind[0] == 'S' ? s40 : u40;
        if (kind[0] == 'S') {
            memcpy(src, bytes, (size_t)n);
        } else {
            uint32_t cps[40];
            int m = utf8_decode(bytes, n, cps);
            memcpy(src, cps, 4 * (size_t)m);
        }
        unsigned char got[16] = { 0 };
        nd_error_clear();
        int r = nd__cast_run(dd, sd, (char *)got, 0, src, 0, 1);
        char gh[40];
        tohex(got, (size_t)nd_dtype_itemsize(dd), gh);
        const char *res = r == 0 ? gh : nd_error() == ND_ERR_OVERFLOW ? "OverflowError"
                        : nd_error() == ND_ERR_VALUE ? "ValueError" : "other";
        if (strcmp(res, want) != 0 && bad++ < 30)
            fprintf(stderr, "%s text %s -> %s: got %s expected %s [%s]\n", kind, hex, name, res,
                    want, nd_error_message());
        nd_dtype_free(dd);
        lines++;
    }
    fclose(f);
    nd_dtype_free(s40);
    nd_dtype_free(u40);
    CHECK_EQ_INT(bad, 0);
    CHECK(lines > 1000);
    CHECK(nd__cast_failed() == 0); /* nd__cast_run lowered the flag */
}

static void test_messages(void)
{
    const nd_dtype_t *s5 = nd_dtype_bytes(5), *u5 = nd_dtype_str(5), *s2 = nd_dtype_bytes(2);
    char in[20] = "1.5";
    int64_t i64;
    CHECK_ERR(nd__cast_run(ND_INT64, s5, (char *)&i64, 0, in, 0, 1), ND_ERR_VALUE,
              "invalid literal for int() with base 10: b'1.5'");
    uint32_t u[5] = { 'a', 'b', 'c', 0, 0 };
    double d;
    CHECK_ERR(nd__cast_run(ND_FLOAT64, u5, (char *)&d, 0, (const char *)u, 0, 1), ND_ERR_VALUE,
              "could not convert string to float: 'abc'");
    int8_t i8;
    char big[5] = "300";
    CHECK_ERR(nd__cast_run(ND_INT8, s5, (char *)&i8, 0, big, 0, 1), ND_ERR_OVERFLOW,
              "Python integer 300 out of bounds for int8");
    uint32_t e[5] = { 'a', 0xe9, 0, 0, 0 };
    char out[5];
    CHECK_ERR(nd__cast_run(s5, u5, out, 0, (const char *)e, 0, 1), ND_ERR_VALUE,
              "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
    char hb[5] = { 'x', (char)0xe9, 0, 0, 0 };
    uint32_t uo[5];
    CHECK_ERR(nd__cast_run(u5, s5, (char *)uo, 0, hb, 0, 1), ND_ERR_VALUE,
              "'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)");
    double c[2];
    CHECK_ERR(nd__cast_run(ND_COMPLEX128, s5, (char *)c, 0, in + 4, 0, 1), ND_ERR_VALUE,
              "complex() arg is a malformed string");
    CHECK(nd__cast_can_fail(ND_INT8, s5));
    CHECK(nd__cast_can_fail(s5, u5));
    CHECK(nd__cast_can_fail(u5, s5)); /* S -> U: non-ASCII bytes fail */
    CHECK(!nd__cast_can_fail(ND_INT8, ND_FLOAT64));
    CHECK_ERR(nd__get_cast(NULL, ND_INT8), ND_ERR_VALUE, NULL);

    /* S <-> U, truncation and padding; embedded NULs are kept, trailing ones dropped */
    char sin[5] = { 'a', 0, 'b', 'c', 'd' };
    uint32_t uout[5];
    CHECK(nd__cast_run(u5, s5, (char *)uout, 0, sin, 0, 1) == 0);
    CHECK(uout[0] == 'a' && uout[1] == 0 && uout[2] == 'b' && uout[4] == 'd');
    char sout[2];
    CHECK(nd__cast_run(s2, u5, sout, 0, (const char *)uout, 0, 1) == 0);
    CHECK(sout[0] == 'a' && sout[1] == 0);
    char wide[5];
    char two[2] = { 'x', 'y' };
    CHECK(nd__cast_run(s5, s2, wide, 0, two, 0, 1) == 0);
    CHECK(memcmp(wide, "xy\0\0\0", 5) == 0);
    /* number -> narrow string truncates: 12345 -> S3 "123" */
    const nd_dtype_t *s3 = nd_dtype_bytes(3);
    int64_t v = 12345;
    char t3[3];
    CHECK(nd__cast_run(s3, ND_INT64, t3, 0, (const char *)&v, 0, 1) == 0);
    CHECK(memcmp(t3, "123", 3) == 0);
    nd_dtype_free(s3);
    nd_dtype_free(s2);
    nd_dtype_free(s5);
    nd_dtype_free(u5);
}

/* Strided and reversed loops give the same values as one-element casts. */
static void test_strided(void)
{
    double src[64];
    for (int k = 0; k < 64; k++)
        src[k] = (k - 32) * 37.25 + (k % 3 == 0 ? 1e10 : 0);
    src[5] = NAN;
    src[6] = -INFINITY;
    int bad = 0;
    for (int t = 0; t < 14; t++) {
        const nd_dtype_t *dd = nd_dtype_from_type(numeric[t]);
        int64_t isz = nd_dtype_itemsize(dd);
        nd__cast_fn fn = nd__get_cast(dd, ND_FLOAT64);
        unsigned char cont[64 * 16], rev[64 * 16 * 2], one[16];
        fn((char *)cont, isz, (const char *)src, 8, 64, dd, ND_FLOAT64);
        /* destination every other slot, source walked backwards */
        fn((char *)rev, 2 * isz, (const char *)(src + 63), -8, 64, dd, ND_FLOAT64);
        for (int k = 0; k < 64; k++) {
            fn((char *)one, 0, (const char *)(src + k), 0, 1, dd, ND_FLOAT64);
            if (memcmp(one, cont + k * isz, (size_t)isz) != 0 ||
                memcmp(one, rev + (63 - k) * 2 * isz, (size_t)isz) != 0)
                bad++;
        }
    }
    CHECK_EQ_INT(bad, 0);
    /* n == 0 touches nothing */
    nd__get_cast(ND_INT8, ND_FLOAT64)(NULL, 1, NULL, 8, 0, ND_INT8, ND_FLOAT64);
}

static void test_values(void)
{
    nd_value v = ND_VALUE(3);
    CHECK(v.dtype == ND_INT64 && v.weak && v.v.i == 3);
    v = ND_VALUE(2.5);
    CHECK(v.dtype == ND_FLOAT64 && v.weak && v.v.f == 2.5);
    v = ND_VALUE((bool)1);
    CHECK(v.dtype == ND_BOOL && v.v.b);
    v = ND_VALUE(18446744073709551615ull);
    CHECK(v.dtype == ND_UINT64 && v.v.u == UINT64_MAX);
    v = ND_VALUE(5u);
    CHECK(v.dtype == ND_INT64 && v.v.i == 5);
    v = nd_value_complex(1, -2);
    CHECK(v.dtype == ND_COMPLEX128 && v.v.c.re == 1 && v.v.c.im == -2);
    CHECK(nd__value_dtype(nd_value_double(1)) == ND_FLOAT64);

    /* np.float32(0.1): the value rounded to float32, strong */
    v = nd_value_typed(ND_FLOAT32, 0.1);
    CHECK(v.dtype == ND_FLOAT32 && !v.weak && v.v.f == (double)0.1f);
    v = nd_value_typed(ND_INT8, 300.7);
    CHECK(v.dtype == ND_INT8 && v.v.i == 44);
    v = nd_value_typed(ND_FLOAT16, 65520);
    CHECK(isinf(v.v.f));
    CHECK_ERR(nd_value_typed(NULL, 1), ND_ERR_TYPE, NULL);

    /* store and load round trips through every dtype */
    for (int t = 0; t < 14; t++) {
        const nd_dtype_t *d = nd_dtype_from_type(numeric[t]);
        unsigned char buf[16];
        CHECK(nd__value_store(d, buf, nd_value_int(7)) == 0);
        nd_value back = nd__value_load(d, buf);
        CHECK(back.dtype == d && !back.weak);
        double x = d->kind == 'b' ? back.v.b : d->kind == 'i' ? (double)back.v.i
                 : d->kind == 'u' ? (double)back.v.u : d->kind == 'f' ? back.v.f : back.v.c.re;
        CHECK_NEAR(x, d->kind == 'b' ? 1 : 7, 0);
    }
    /* a strong float32 value formats with float32 digits */
    const nd_dtype_t *s16 = nd_dtype_bytes(32);
    char txt[33] = { 0 };
    CHECK(nd__value_store(s16, txt, nd_value_typed(ND_FLOAT32, 0.1)) == 0);
    CHECK_EQ_STR(txt, "0.1");
    CHECK(nd__value_store(s16, txt, nd_value_double(0.1f)) == 0);
    CHECK_EQ_STR(txt, "0.10000000149011612");
    char num[16] = "42";
    int16_t i16;
    CHECK(nd__value_store(ND_INT16, &i16, nd_value_int(70000)) == 0);
    CHECK_EQ_INT(i16, 4464); /* wraps: unsafe cast */
    nd_value bad = { NULL, false, { .u = 0 } };
    CHECK_ERR(nd__value_store(ND_INT16, &i16, bad), ND_ERR_VALUE, NULL);
    (void)num;
    nd_dtype_free(s16);
}

int main(void)
{
    test_numeric_golden();
    test_text_golden();
    test_parse_golden();
    test_messages();
    test_strided();
    test_values();
    return check_done();
}
