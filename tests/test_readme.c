/* The README's examples, compiled and checked: the front door stays true.  Expected
 * values are NumPy's (worked by hand from the same expressions). */
#include "check.h"

static double at(const nd_array *a, nd_idx i) { return nd_item_double(a, i); }

int main(void) {
    nd_scope_begin(); /* every handle below is released at the end */

    /* the opening example */
    nd_array *a = nd_arange(0, 12, 1), *m = nd_reshape(a, ND_SHAPE(3, 4)), *v = nd_get(m, "1:, ::-1");
    CHECK_NEAR(at(v, ND_IDX(0, 0)), 7, 0);
    char *s = nd_array_str(v);
    CHECK_EQ_STR(s, "[[ 7  6  5  4]\n [11 10  9  8]]");
    nd_free_bytes(s);

    /* ufuncs and reductions */
    nd_array *x = nd_astype(m, ND_FLOAT64);
    nd_array *y = nd_add(x, 2.0);                                   /* x + 2.0 */
    CHECK_NEAR(at(y, ND_IDX(2, 3)), 13, 0);
    nd_array *i8 = nd_astype(m, ND_INT8), *i8p = nd_add(i8, 1);     /* NEP 50: stays int8 */
    CHECK(nd_dtype(i8p) == ND_INT8);
    nd_array *cs = nd_sum(x, .axis = ND_AXIS(0));                   /* x.sum(axis=0) */
    CHECK_NEAR(at(cs, ND_IDX(3)), 21, 0);
    nd_array *mx = nd_max(x);                                       /* x.max() */
    CHECK_NEAR(at(mx, ND_IDX(0)), 11, 0);
    nd_array *cu = nd_cumsum(x, .axis = ND_AXIS(1));
    CHECK_NEAR(at(cu, ND_IDX(1, 3)), 22, 0);
    nd_array *cmp = nd_less(x, 5.0);
    CHECK(nd_dtype(cmp) == ND_BOOL);

    /* math and statistics rows of the cheat sheet */
    nd_array *ex = nd_exp(nd_zeros(ND_SHAPE(2)));
    CHECK_NEAR(at(ex, ND_IDX(1)), 1, 0);
    nd_array *mean0 = nd_mean(x, .axis = ND_AXIS(0)), *sd = nd_std(x, .ddof = 1), *am = nd_argmax(x);
    CHECK_NEAR(at(mean0, ND_IDX(0)), 4, 0);
    CHECK_NEAR(at(sd, ND_IDX(0)), 3.605551275463989, 1e-15); /* np.arange(12.).std(ddof=1) */
    CHECK_EQ_INT(nd_item_int(am, ND_IDX(0)), 11);
    nd_array *cl = nd_clip(x, 0, 1), *rd = nd_round(nd_divide(x, 3.0), .decimals = 2);
    CHECK_NEAR(at(cl, ND_IDX(2, 3)), 1, 0);
    CHECK_NEAR(at(rd, ND_IDX(0, 1)), 0.33, 0);

    /* the temporaries example */
    nd_scope_begin();
    nd_array *lo = nd_min(x, .axis = ND_AXIS(0));
    nd_array *z = nd_keep(nd_divide(nd_subtract(x, lo), nd_subtract(nd_max(x, .axis = ND_AXIS(0)), lo)));
    nd_scope_end();
    CHECK_NEAR(at(z, ND_IDX(1, 2)), 0.5, 0);

    /* indexing */
    nd_array *idx = ND_ARRAY(long, ND_SHAPE(2), 2, 0);
    nd_array *g = nd_get(m, "%a, 1:3", idx);                        /* m[idx, 1:3] */
    CHECK(g && nd_shape(g)[0] == 2 && nd_shape(g)[1] == 2);
    CHECK_NEAR(at(g, ND_IDX(0, 0)), 9, 0);
    nd_array *mask = nd_greater(x, 8.0), *sel = nd_get(x, "%a", mask); /* x[x > 8] */
    CHECK(sel && nd_size(sel) == 3 && at(sel, ND_IDX(0)) == 9);
    nd_array *t = nd_take(a, idx);                                  /* np.take(a, idx) */
    CHECK_NEAR(at(t, ND_IDX(0)), 2, 0);
    nd_array *w = nd_where(mask, x, nd_zeros_like(x));              /* np.where(x > 8, x, 0) */
    CHECK_NEAR(at(w, ND_IDX(2, 3)), 11, 0);
    CHECK_NEAR(at(w, ND_IDX(0, 3)), 0, 0);

    /* shape manipulation */
    nd_array *cat = nd_concatenate(ND_ARRAYS(m, m), 2, .axis = ND_AXIS(1)); /* np.concatenate([m, m], axis=1) */
    CHECK(nd_shape(cat)[1] == 8);
    nd_array *st = nd_stack(ND_ARRAYS(a, a), 2);             /* np.stack([a, a]) */
    CHECK(nd_ndim(st) == 2 && nd_shape(st)[0] == 2);
    nd_array *parts[3];
    CHECK_EQ_INT(nd_split(a, 3, parts), 3);                         /* np.split(a, 3) */
    CHECK_NEAR(at(parts[2], ND_IDX(0)), 8, 0);
    nd_array *tl = nd_tile(a, ND_INTS(2));
    CHECK(nd_size(tl) == 24);
    nd_array *pd = nd_pad(a, ND_INTS(2), .mode = ND_PAD_REFLECT);   /* np.pad(a, 2, mode='reflect') */
    CHECK(nd_size(pd) == 16 && at(pd, ND_IDX(0)) == 2);
    nd_array *rl = nd_roll(a, ND_INTS(1));
    CHECK_NEAR(at(rl, ND_IDX(0)), 11, 0);

    /* linear algebra */
    nd_array *A = ND_ARRAY(double, ND_SHAPE(2, 2), 3, 1, 1, 2), *b = ND_ARRAY(double, ND_SHAPE(2), 9, 8);
    nd_array *sol = nd_linalg_solve(A, b);                          /* np.linalg.solve(A, b) */
    CHECK_NEAR(at(sol, ND_IDX(0)), 2, 1e-12);
    CHECK_NEAR(at(sol, ND_IDX(1)), 3, 1e-12);
    nd_array *AA = nd_matmul(A, A);                                 /* A @ A */
    CHECK_NEAR(at(AA, ND_IDX(0, 0)), 10, 0);
    nd_array *det = nd_linalg_det(A);
    CHECK_NEAR(at(det, ND_IDX(0)), 5, 1e-12);
    nd_array *U, *S, *Vh;
    CHECK_EQ_INT(nd_linalg_svd(A, &U, &S, &Vh), 0);                 /* np.linalg.svd(A) */
    CHECK_NEAR(at(S, ND_IDX(0)) * at(S, ND_IDX(1)), 5, 1e-12);
    nd_array *e = nd_einsum("ij,jk->ik", A, A);                     /* np.einsum('ij,jk->ik', A, A) */
    CHECK_NEAR(at(e, ND_IDX(1, 1)), 5, 0);
    nd_scope_end(); /* U, S, Vh were created inside the scope too */

    /* FFT */
    nd_scope_begin();
    nd_array *sig = ND_ARRAY(double, ND_SHAPE(4), 1, 0, 0, 0);
    nd_array *F = nd_fft_fft(sig);                                  /* np.fft.fft(sig) */
    CHECK(nd_dtype(F) == ND_COMPLEX128 && nd_size(F) == 4);
    CHECK_NEAR(at(F, ND_IDX(2)), 1, 0);
    nd_array *R = nd_fft_rfft(sig, .norm = ND_FFT_ORTHO);
    CHECK(nd_size(R) == 3);
    CHECK_NEAR(at(R, ND_IDX(0)), 0.5, 1e-15);
    nd_array *fr = nd_fft_fftfreq(4, .d = 0.5);
    CHECK_NEAR(at(fr, ND_IDX(1)), 0.5, 0);
    nd_scope_end();

    /* sorting, sets, statistics */
    nd_scope_begin();
    nd_array *d = ND_ARRAY(double, ND_SHAPE(6), 3, 1, 2, 3, 0, 5);
    nd_array *srt = nd_sort(d);                                      /* np.sort(d) */
    CHECK_NEAR(at(srt, ND_IDX(4)), 3, 0);
    nd_array *as = nd_argsort(d, .kind = ND_STABLE);                /* [4 1 2 0 3 5] */
    CHECK(nd_dtype(as) == ND_INT64);
    CHECK_NEAR(at(as, ND_IDX(0)), 4, 0);
    CHECK_NEAR(at(as, ND_IDX(3)), 0, 0);
    nd_array *pos = nd_searchsorted(srt, ND_ARRAY(double, ND_SHAPE(1), 3), .side = ND_SIDE_RIGHT);
    CHECK_NEAR(at(pos, ND_IDX(0)), 5, 0);
    nd_array *cnt = NULL, *u = nd_unique(d, .counts = &cnt);       /* np.unique(d, return_counts=True) */
    CHECK(nd_size(u) == 5 && cnt && nd_dtype(cnt) == ND_INT64);
    CHECK_NEAR(at(cnt, ND_IDX(3)), 2, 0);
    nd_free(cnt);
    CHECK_NEAR(at(nd_median(d), ND_IDX()), 2.5, 0);
    CHECK_NEAR(at(nd_percentile(d, 90), ND_IDX()), 4.0, 0);
    nd_array *h = NULL, *edg = NULL;
    CHECK(nd_histogram(d, &h, &edg, .bins = 5) == 0);                /* counts [1 1 1 2 1] */
    CHECK_NEAR(at(h, ND_IDX(3)), 2, 0);
    CHECK_NEAR(at(edg, ND_IDX(5)), 5, 0);
    nd_free(h);
    nd_free(edg);
    nd_array *bc = nd_bincount(nd_astype(d, ND_INT64));            /* [1 1 1 2 0 1] */
    CHECK(nd_size(bc) == 6);
    CHECK_NEAR(at(bc, ND_IDX(4)), 0, 0);
    nd_array *cv = nd_convolve(ND_ARRAY(double, ND_SHAPE(3), 1, 2, 3), ND_ARRAY(double, ND_SHAPE(3), 0, 1, 0.5));
    CHECK(nd_size(cv) == 5);                                        /* [0 1 2.5 4 1.5] */
    CHECK_NEAR(at(cv, ND_IDX(3)), 4, 1e-15);
    nd_array *df = nd_diff(d);                                      /* [-2 1 1 -3 5] */
    CHECK_NEAR(at(df, ND_IDX(3)), -3, 0);
    nd_array *ip = nd_interp(2.5, ND_ARRAY(double, ND_SHAPE(3), 1, 2, 3), ND_ARRAY(double, ND_SHAPE(3), 3, 2, 0));
    CHECK_NEAR(at(ip, ND_IDX()), 1.0, 0);
    nd_scope_end();
    return check_done();
}
