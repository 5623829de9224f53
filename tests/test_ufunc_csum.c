/* Complex sum and mean against NumPy bit for bit (tests/golden/ufunc/make_complex_sum.py
 * -> complex_sum.txt): NumPy sums complex pairwise over the interleaved re/im stream,
 * so a left-to-right sum differs in the last bits.  complex64 and complex128; 3, 19,
 * 1000 and 20000 items (several 8192-item chunks); strided and offset views (reversed
 * views: test_ufunc_order.c); 2-d over either axis and over all; an empty mean (NaN). */
#include "check.h"

#include <math.h>
#include <stdint.h>

/* the script's gen(): n complex, exact in float32 */
static nd_array *gen(int64_t n, uint64_t salt) {
    double *x = malloc(sizeof(double) * (size_t)(2 * n + 1));
    if (!x) return NULL;
    for (int64_t k = 0; k < 2 * n; k++) {
        uint64_t h = ((uint64_t)k * 2654435761u + salt * 40503u) % 4294967296u;
        uint64_t h2 = (h * 2246822519u + 374761393u) % 4294967296u;
        int64_t m = (int64_t)(h % 16777216u) - 8388608;
        int e = (int)(h2 % 41) - 43;
        x[k] = ldexp((double)m, e);
    }
    nd_array *a = nd_from_data(x, ND_SHAPE(n), ND_COMPLEX128);
    free(x);
    return a;
}

static bool same(double a, double b) { return (isnan(a) && isnan(b)) || (a == b && signbit(a) == signbit(b)); }

static void run_case(char *head, char *in, char *out) {
    char dtname[32], view[32], op[16], axis[16];
    long rows, cols;
    CHECK(sscanf(head, "case %31s %ld %ld %31s %15s %15s", dtname, &rows, &cols, view, op, axis) == 6);
    const nd_dtype_t *dt = nd_dtype_parse(dtname);
    int64_t n = rows ? rows * cols : cols;
    nd_array *base = gen(n, strtoull(in + 3, NULL, 10));
    nd_array *c = base ? nd_astype(base, dt) : NULL;
    nd_array *a = c ? (rows ? nd_reshape(c, ND_SHAPE(rows, cols)) : nd_ref(c)) : NULL;
    nd_array *v = a ? (strcmp(view, "-") ? nd_get(a, view) : nd_ref(a)) : NULL;
    nd_reduce_opts o = { .axis = strcmp(axis, "none") ? ND_AXIS(atoi(axis)) : ND_AXIS_NONE };
    nd_array *r = v ? (strcmp(op, "sum") ? nd_mean_ex(v, &o) : nd_sum_ex(v, &o)) : NULL;
    CHECK_MSG(r != NULL, "%s", head);
    CHECK_MSG(r && nd_dtype(r) == dt, "%s: result dtype", head);
    nd_array *r2 = r ? nd_astype(r, ND_COMPLEX128) : NULL;
    nd_array *flat = r2 ? nd_reshape(r2, ND_SHAPE(-1)) : NULL;
    int64_t i = 0, bad = 0;
    char *t = strtok(out + 4, " ");
    for (; t && flat; i++) {
        double re = strtod(t, NULL), im = strtod(strtok(NULL, " "), NULL);
        nd_value x;
        if (nd_item(flat, ND_IDX(i), &x) < 0 || !same(x.v.c.re, re) || !same(x.v.c.im, im)) {
            if (!bad++)
                fprintf(stderr, "%s: item %lld: got %a %a, NumPy %a %a\n", head, (long long)i, x.v.c.re, x.v.c.im, re, im);
        }
        t = strtok(NULL, " ");
    }
    CHECK_MSG(bad == 0, "%s: %lld items differ", head, (long long)bad);
    CHECK_MSG(flat && i == nd_size(flat), "%s: item count", head);
    nd_free(flat);
    nd_free(r2);
    nd_free(r);
    nd_free(v);
    nd_free(a);
    nd_free(c);
    nd_free(base);
    nd_dtype_free(dt);
}

int main(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/ufunc/complex_sum.txt", ND_GOLDEN_DIR);
    char *txt = check_read_file(path, NULL);
    CHECK_MSG(txt != NULL, "missing %s", path);
    if (!txt) return check_done();
    int ncase = 0;
    char *save = NULL;
    for (char *l = strtok_r(txt, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (strncmp(l, "case ", 5)) continue;
        char *in = strtok_r(NULL, "\n", &save), *out = in ? strtok_r(NULL, "\n", &save) : NULL;
        if (!out) break;
        char head[128];
        snprintf(head, sizeof head, "%s", l);
        run_case(head, in, out);
        ncase++;
    }
    CHECK_EQ_INT(ncase, 32);
    free(txt);
    return check_done();
}
