/* float16 conversions: NumPy's results for doubles and floats (golden), exact
 * widening for every one of the 65536 halves, and ties-to-even at every midpoint. */
#include "check.h"

#include <stdint.h>

uint16_t nd__double_to_half(double x);
uint16_t nd__float_to_half(float x);
float nd__half_to_float(uint16_t h);
double nd__half_to_double(uint16_t h);

static double bits_to_double(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static float bits_to_float(uint32_t b) { float f; memcpy(&f, &b, 4); return f; }

/* The value of a half from its fields, computed independently with ldexp. */
static double half_ref(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double s = (h & 0x8000) ? -1.0 : 1.0;
    if (e == 0x1f)
        return m ? NAN : s * INFINITY;
    if (e == 0)
        return s * ldexp(m, -24);
    return s * ldexp(1024 + m, e - 25);
}

static void golden(const char *name, int wide)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/dtype/%s", ND_GOLDEN_DIR, name);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "missing %s", path);
    if (!f)
        return;
    unsigned long long x;
    unsigned int h;
    int n = 0, bad = 0;
    while (fscanf(f, "%llx %x", &x, &h) == 2) {
        uint16_t got = wide ? nd__double_to_half(bits_to_double(x))
                            : nd__float_to_half(bits_to_float((uint32_t)x));
        if (got != h && bad++ < 10)
            fprintf(stderr, "%s: input %llx: got %04x expected %04x\n", name, x, got, h);
        n++;
    }
    fclose(f);
    CHECK_EQ_INT(bad, 0);
    CHECK(n > 1000);
}

int main(void)
{
    golden("half_double.txt", 1);
    golden("half_float.txt", 0);

    /* every half widens exactly, and narrows back to itself (NaNs keep their bits) */
    int bad = 0;
    for (uint32_t h = 0; h < 0x10000; h++) {
        double d = nd__half_to_double((uint16_t)h);
        float f = nd__half_to_float((uint16_t)h);
        double r = half_ref((uint16_t)h);
        bool same = isnan(r) ? (isnan(d) && isnan(f)) : (d == r && (double)f == r &&
                                                          signbit(d) == signbit(r));
        if (!same || nd__double_to_half(d) != h || nd__float_to_half(f) != h)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);

    /* ties go to the even neighbour, and anything past the tie to the nearer one */
    bad = 0;
    for (uint16_t h = 0; h < 0x7bff; h++) {
        double lo = nd__half_to_double(h), hi = nd__half_to_double((uint16_t)(h + 1));
        double mid = lo + (hi - lo) / 2;
        uint16_t even = (h & 1) ? (uint16_t)(h + 1) : h;
        if (nd__double_to_half(mid) != even || nd__double_to_half(-mid) != (even | 0x8000))
            bad++;
        if (nd__double_to_half(nextafter(mid, 0)) != h ||
            nd__double_to_half(nextafter(mid, INFINITY)) != h + 1)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);

    /* named values */
    CHECK_EQ_INT(nd__double_to_half(65504.0), 0x7bff);
    CHECK_EQ_INT(nd__double_to_half(65519.99), 0x7bff);
    CHECK_EQ_INT(nd__double_to_half(65520.0), 0x7c00);
    CHECK_EQ_INT(nd__double_to_half(-INFINITY), 0xfc00);
    CHECK_EQ_INT(nd__double_to_half(-0.0), 0x8000);
    CHECK_EQ_INT(nd__double_to_half(0x1p-24), 0x0001);
    CHECK_EQ_INT(nd__double_to_half(0x1p-25), 0x0000);            /* tie to even: 0 */
    CHECK_EQ_INT(nd__double_to_half(0x1.0000000000001p-25), 0x0001);
    CHECK_EQ_INT(nd__double_to_half(0x1.8p-24), 0x0002);          /* tie to even: 2 */
    CHECK_EQ_INT(nd__double_to_half(NAN), 0x7e00);
    /* double rounding: 2049 + 2^-30 must round up to 2050 (via float it ties to 2048) */
    CHECK_EQ_INT(nd__double_to_half(2049.0 + 0x1p-30), nd__double_to_half(2050.0));
    CHECK_EQ_INT(nd__float_to_half(2049.0f), nd__double_to_half(2048.0));
    CHECK_NEAR(nd__half_to_double(0x3c00), 1.0, 0);
    CHECK_NEAR(nd__half_to_float(0x7bff), 65504.0, 0);
    CHECK(isinf(nd__half_to_float(0xfc00)) && nd__half_to_float(0xfc00) < 0);
    return check_done();
}
