/* Float digit primitives of the printing module (spec printing.md 6.1): shortest
 * digits, cut-off rounding of the exact binary value, the positional and
 * scientific builders, for float16/32/64.  Golden: tests/golden/print/digits.txt
 * (make_digits.py, NumPy's format_float_positional/_scientific). */
#define ND_BUILDING_LIBRARY
#include "check.h"
#include "print/print_internal.h"

static double from_bits(int kind, unsigned long long b) {
    if (kind == 64) { double d; memcpy(&d, &b, 8); return d; }
    if (kind == 32) { uint32_t u = (uint32_t)b; float f; memcpy(&f, &u, 4); return f; }
    int s = (int)(b >> 15) & 1, e = (int)(b >> 10) & 31, m = (int)(b & 1023);
    double v = e ? ldexp(1024 + m, e - 25) : ldexp(m, -24);
    return s ? -v : v;
}

static void golden(void) {
    char *text = check_read_file(ND_GOLDEN_DIR "/print/digits.txt", NULL);
    CHECK(text != NULL);
    if (!text) return;
    nd__sb out = {0}, scratch = {0};
    int bad = 0, n = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[12] = { 0 };
        int k = 0;
        for (char *p = line; k < 12; k++) {
            f[k] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = 0;
            p = t + 1;
        }
        int kind = atoi(f[0]);
        double x = from_bits(kind, strtoull(f[1], NULL, 16));
        nd__fopts o = { .precision = atoi(f[3]), .min_digits = atoi(f[4]), .unique = atoi(f[5]),
                        .trim = f[6][0], .plus = atoi(f[7]), .pad_left = atoi(f[8]),
                        .pad_right = atoi(f[9]), .exp_digits = atoi(f[10]) };
        nd__fkind fk = kind == 16 ? ND__F16 : kind == 32 ? ND__F32 : ND__F64;
        nd__sb_clear(&out);
        int r = f[2][0] == 'p' ? nd__format_positional(&out, &scratch, x, fk, &o)
                               : nd__format_scientific(&out, &scratch, x, fk, &o);
        n++;
        if (r != 0 || strcmp(out.p, f[11]) != 0) {
            if (bad++ < 20)
                fprintf(stderr, "digits case %d (f%d %s %s P=%d m=%d u=%d trim=%c): got [%s] want [%s]\n",
                        n, kind, f[1], f[2], o.precision, o.min_digits, o.unique, o.trim,
                        out.p ? out.p : "", f[11]);
        }
    }
    CHECK_MSG(bad == 0, "%d of %d digit cases differ", bad, n);
    CHECK(n > 10000);
    nd__sb_free(&out);
    nd__sb_free(&scratch);
    free(text);
}

/* Hand-picked facts of the spec, in case the golden file is regenerated. */
static void facts(void) {
    nd__sb out = {0}, scratch = {0};
    nd__fopts u = { .precision = -1, .min_digits = -1, .unique = true, .trim = '0',
                    .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
#define POS(x, kind, want) do { nd__sb_clear(&out); \
    CHECK(nd__format_positional(&out, &scratch, (x), (kind), &u) == 0); \
    CHECK_EQ_STR(out.p, want); } while (0)
    POS(0.1, ND__F64, "0.1");
    POS((double)0.1f, ND__F32, "0.1");
    POS((double)0.1f, ND__F64, "0.10000000149011612");
    POS(65504.0, ND__F16, "65500.0");
    POS(99999992.0, ND__F32, "99999990.0");
    POS(-0.0, ND__F64, "-0.0");
    POS(1e15, ND__F64, "1000000000000000.0");
    nd__fopts a = { .precision = 8, .min_digits = 0, .unique = true, .trim = '.',
                    .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
    nd__sb_clear(&out);
    CHECK(nd__format_positional(&out, &scratch, 65504.0, ND__F16, &a) == 0);
    CHECK_EQ_STR(out.p, "65504.");
    nd__sb_clear(&out);
    CHECK(nd__format_positional(&out, &scratch, 0.99999999996, ND__F64, &a) == 0);
    CHECK_EQ_STR(out.p, "1.");
    nd__fopts s = { .precision = 8, .min_digits = -1, .unique = true, .trim = '.',
                    .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
    nd__sb_clear(&out);
    CHECK(nd__format_scientific(&out, &scratch, 9.99999999996e-5, ND__F64, &s) == 0);
    CHECK_EQ_STR(out.p, "1.e-04");
    nd__sb_clear(&out);
    CHECK(nd__format_scientific(&out, &scratch, 5e-324, ND__F64, &s) == 0);
    CHECK_EQ_STR(out.p, "5.e-324");
    /* precision 0: half-even on exact values */
    nd__fopts z = { .precision = 0, .min_digits = 0, .unique = true, .trim = '.',
                    .pad_left = -1, .pad_right = -1, .exp_digits = -1 };
    const char *want[] = { "0.", "2.", "2.", "4." };
    for (int i = 0; i < 4; i++) {
        nd__sb_clear(&out);
        CHECK(nd__format_positional(&out, &scratch, 0.5 + i, ND__F64, &z) == 0);
        CHECK_EQ_STR(out.p, want[i]);
    }
    /* every float16 reads back from its shortest digits */
    int bad = 0;
    for (unsigned b = 1; b < 0x7c00; b++) {
        double x = from_bits(16, b);
        int e;
        CHECK(nd__float_digits(&scratch, x, ND__F16, true, -1, -1, true, &e) == 0);
        char buf[64];
        snprintf(buf, sizeof buf, "%se%d", scratch.p, e - (int)scratch.len + 1);
        double y = strtod(buf, NULL);
        /* y must round to x in float16: it lies within half an ulp of x */
        int e2;
        frexp(x, &e2);
        double ulp = ldexp(1.0, (e2 - 1 < -14 ? -14 : e2 - 1) - 10);
        if (fabs(y - x) > ulp / 2) bad++;
    }
    CHECK_EQ_INT(bad, 0);
    nd__sb_free(&out);
    nd__sb_free(&scratch);
}

int main(void) {
    facts();
    golden();
    return check_done();
}
