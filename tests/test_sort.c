/* Sorting, partitioning and searching against NumPy 1.24 (tests/golden/sort, made by
 * make_golden.py).  Stable results are unique and compared byte for byte; quicksort and
 * heapsort results by value (signed zeros and NaN payloads may sit elsewhere), their
 * argsorts and every partition by properties against the stable result. */
#include "check.h"

static nd_array *load(const char *name) {
    char path[1024];
    snprintf(path, sizeof path, "%s/sort/%s.npy", ND_GOLDEN_DIR, name);
    nd_array *a = nd_load(path);
    if (!a) fprintf(stderr, "cannot load %s: %s\n", path, nd_error_message());
    return a;
}

static bool same_shape(const nd_array *a, const nd_array *b) {
    return a && b && nd_ndim(a) == nd_ndim(b) &&
           (nd_ndim(a) == 0 || memcmp(nd_shape(a), nd_shape(b), (size_t)nd_ndim(a) * 8) == 0);
}

/* identical dtype, shape and bytes */
static bool same_bytes(const nd_array *a, const nd_array *b) {
    if (!same_shape(a, b) || !nd_dtype_equal(nd_dtype(a), nd_dtype(b))) return false;
    int64_t na, nb;
    void *pa = nd_tobytes(a, 'C', &na), *pb = nd_tobytes(b, 'C', &nb);
    bool ok = pa && pb && na == nb && memcmp(pa, pb, (size_t)na) == 0;
    nd_free_bytes(pa);
    nd_free_bytes(pb);
    return ok;
}

/* identical dtype and shape, equal values (NaN equal to NaN, -0 to 0) */
static bool same_values(const nd_array *a, const nd_array *b) {
    if (!same_shape(a, b) || !nd_dtype_equal(nd_dtype(a), nd_dtype(b))) return false;
    const nd_dtype_t *d = nd_dtype(a);
    bool fl = nd_dtype_is_float(d) || nd_dtype_is_complex(d);
    return nd_array_equal(a, b, .equal_nan = fl) == 1;
}

/* ------------------------------------------------------------ layouts */

enum { L_C, L_F, L_NEG, L_STEP, NLAYOUT };
static const char *layout_name[] = { "C", "F", "negative strides", "step 2" };

/* The same values as a in another memory layout. */
static nd_array *relayout(const nd_array *a, int l) {
    if (l == L_C) return nd_copy(a, 'C');
    if (l == L_F) return nd_copy(a, 'F');
    if (nd_ndim(a) == 0) return NULL;
    if (l == L_NEG) { /* flip(copy(flip(a))): a's values through negative strides */
        nd_array *t = nd_flip(a), *c = nd_copy(t, 'C'), *r = nd_flip(c);
        nd_free(t);
        nd_free(c);
        return r;
    }
    nd_array *t = nd_repeat(a, 2, .axis = ND_AXIS(-1)), *r = nd_get(t, "..., ::2");
    nd_free(t);
    return r;
}

/* ------------------------------------------------------------ partitions */

/* p (partitioned along its last axis) against the sorted s: the elements at each kth
 * match, and each run between kths holds the same multiset as in s. */
static bool partition_ok(const nd_array *p, const nd_array *s, const int64_t *ks, int nk) {
    int64_t n = nd_shape(s)[nd_ndim(s) - 1];
    int64_t lo = 0;
    bool ok = same_shape(p, s);
    for (int i = 0; i <= nk && ok; i++) {
        int64_t hi = i < nk ? ks[i] : n;
        if (hi < lo) continue;
        nd_array *pp = nd_get(p, "..., %lld:%lld", (long long)lo, (long long)hi);
        nd_array *ss = nd_get(s, "..., %lld:%lld", (long long)lo, (long long)hi);
        nd_array *ps = nd_sort(pp);
        ok = same_values(ps, ss);
        nd_free(pp);
        nd_free(ss);
        nd_free(ps);
        if (ok && i < nk) {
            pp = nd_get(p, "..., %lld", (long long)hi);
            ss = nd_get(s, "..., %lld", (long long)hi);
            ok = same_values(pp, ss);
            nd_free(pp);
            nd_free(ss);
        }
        lo = hi + 1;
    }
    return ok;
}

/* Run partition and argpartition of a along axis with the kth list and check them. */
static void check_partitions(const nd_array *a, const nd_array *sorted, nd_axes axis, int ax, nd_ints kth,
                             const char *what) {
    int64_t n = nd_shape(sorted)[ax];
    int64_t ks[8];
    int nk = 0;
    for (int i = 0; i < kth.n; i++) {
        int64_t k = kth.v[i] < 0 ? kth.v[i] + n : kth.v[i];
        int j = nk++;
        while (j > 0 && ks[j - 1] > k) { ks[j] = ks[j - 1]; j--; }
        ks[j] = k;
    }
    nd_array *s_last = nd_moveaxis(sorted, ND_AXIS(ax), ND_AXIS(-1));
    nd_array *p = nd_partition(a, kth, .axis = axis);
    nd_array *p_last = p ? nd_moveaxis(p, ND_AXIS(ax), ND_AXIS(-1)) : NULL;
    CHECK_MSG(p && partition_ok(p_last, s_last, ks, nk), "partition %s (k0=%lld)", what, (long long)kth.v[0]);
    nd_array *ip = nd_argpartition(a, kth, .axis = axis);
    nd_array *src = axis.n == -1 ? nd_ravel(a, 'C') : nd_ref((nd_array *)a);
    nd_array *g = ip ? nd_take_along_axis(src, ip, ND_AXIS(ax)) : NULL;
    nd_array *g_last = g ? nd_moveaxis(g, ND_AXIS(ax), ND_AXIS(-1)) : NULL;
    CHECK_MSG(g && partition_ok(g_last, s_last, ks, nk), "argpartition %s (k0=%lld)", what, (long long)kth.v[0]);
    nd_free(s_last);
    nd_free(p);
    nd_free(p_last);
    nd_free(ip);
    nd_free(src);
    nd_free(g);
    nd_free(g_last);
}

/* ------------------------------------------------------------ golden sorts */

static void sort_case(const char *name, const char *axtag) {
    char buf[256];
    nd_array *a = load(name);
    snprintf(buf, sizeof buf, "%s.sort.%s", name, axtag);
    nd_array *sorted = load(buf);
    snprintf(buf, sizeof buf, "%s.argsort.%s", name, axtag);
    nd_array *asorted = load(buf);
    CHECK(a && sorted && asorted);
    if (!a || !sorted || !asorted) { nd_free(a); nd_free(sorted); nd_free(asorted); return; }
    bool none = axtag[0] == 'N';
    nd_axes axis = none ? ND_AXIS_ALL : ND_AXIS(atoi(axtag));
    int ax = none ? 0 : (atoi(axtag) < 0 ? atoi(axtag) + nd_ndim(a) : atoi(axtag));
    for (int l = 0; l < NLAYOUT; l++) {
        nd_array *x = relayout(a, l);
        if (!x) continue;
        for (int kind = ND_QUICKSORT; kind <= ND_STABLE; kind++) {
            char what[300];
            snprintf(what, sizeof what, "%s axis %s, %s, kind %d", name, axtag, layout_name[l], kind);
            nd_array *s = nd_sort(x, .axis = axis, .kind = (nd_sort_kind)kind);
            CHECK_MSG(kind == ND_STABLE ? same_bytes(s, sorted) : same_values(s, sorted), "sort %s", what);
            nd_free(s);
            nd_array *i = nd_argsort(x, .axis = axis, .kind = (nd_sort_kind)kind);
            if (kind == ND_STABLE) {
                CHECK_MSG(same_bytes(i, asorted), "argsort %s", what);
            } else { /* a permutation that sorts */
                nd_array *src = none ? nd_ravel(x, 'C') : nd_ref(x);
                nd_array *g = i ? nd_take_along_axis(src, i, ND_AXIS(ax)) : NULL;
                nd_array *si = i ? nd_sort(i, .axis = ND_AXIS(ax)) : NULL;
                nd_array *sa = nd_sort(asorted, .axis = ND_AXIS(ax));
                CHECK_MSG(g && same_values(g, sorted) && same_bytes(si, sa), "argsort %s", what);
                nd_free(src);
                nd_free(g);
                nd_free(si);
                nd_free(sa);
            }
            nd_free(i);
            if (!none) { /* in place, in the layout itself */
                nd_array *y = relayout(a, l);
                CHECK_MSG(y && nd_sort_inplace(y, .axis = axis, .kind = (nd_sort_kind)kind) == 0 &&
                          (kind == ND_STABLE ? same_bytes(y, sorted) : same_values(y, sorted)),
                          "sort_inplace %s", what);
                nd_free(y);
            }
        }
        int64_t n = nd_shape(sorted)[ax];
        if (n > 0) {
            char what[300];
            snprintf(what, sizeof what, "%s axis %s, %s", name, axtag, layout_name[l]);
            check_partitions(x, sorted, axis, ax, ND_INTS(0), what);
            check_partitions(x, sorted, axis, ax, ND_INTS(-1), what);
            check_partitions(x, sorted, axis, ax, (nd_ints){ 1, (int64_t[]){ n / 2 } }, what);
            if (n >= 4)
                check_partitions(x, sorted, axis, ax, (nd_ints){ 4, (int64_t[]){ n - 2, 1, n / 2, 1 } }, what);
        }
        nd_free(x);
    }
    nd_free(a);
    nd_free(sorted);
    nd_free(asorted);
}

static void search_case(const char *an, const char *vn, const char *side, const char *sn, const char *on) {
    nd_array *a = load(an), *v = load(vn), *o = load(on);
    nd_array *s = strcmp(sn, "-") ? load(sn) : NULL;
    CHECK(a && v && o);
    nd_side sd = strcmp(side, "right") == 0 ? ND_SIDE_RIGHT : ND_SIDE_LEFT;
    nd_array *r = nd_searchsorted(a, v, .side = sd, .sorter = s);
    CHECK_MSG(same_bytes(r, o), "searchsorted %s %s %s", an, vn, side);
    nd_free(r);
    /* the same through a strided view of a */
    if (a && nd_ndim(a) == 1 && !s) {
        nd_array *t = nd_repeat(a, 2), *w = nd_get(t, "::2");
        r = nd_searchsorted(w, v, .side = sd);
        CHECK_MSG(same_bytes(r, o), "searchsorted strided %s %s %s", an, vn, side);
        nd_free(r);
        nd_free(w);
        nd_free(t);
    }
    nd_free(a);
    nd_free(v);
    nd_free(o);
    nd_free(s);
}

static void lexsort_case(char **tok, int ntok) {
    nd_array *o = load(tok[1]);
    int axis = atoi(tok[2]);
    nd_array *keys[8];
    int n = 0;
    for (int i = 3; i < ntok && n < 8; i++) keys[n++] = load(tok[i]);
    nd_array *r = nd_lexsort(keys, n, .axis = ND_AXIS(axis));
    CHECK_MSG(same_bytes(r, o), "lexsort %s", tok[1]);
    nd_free(r);
    nd_free(o);
    for (int i = 0; i < n; i++) nd_free(keys[i]);
}

static void sortcx_case(const char *in, const char *out) {
    nd_array *a = load(in), *o = load(out);
    nd_array *r = nd_sort_complex(a);
    CHECK_MSG(same_values(r, o), "sort_complex %s", in);
    nd_free(a);
    nd_free(o);
    nd_free(r);
}

static void golden(void) {
    char path[1024];
    snprintf(path, sizeof path, "%s/sort/manifest.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK(text != NULL);
    if (!text) return;
    int cases = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char copy[1024];
        snprintf(copy, sizeof copy, "%s", line);
        char *tok[16];
        int nt = 0;
        for (char *save, *t = strtok_r(copy, " ", &save); t && nt < 16; t = strtok_r(NULL, " ", &save)) tok[nt++] = t;
        if (nt == 0) continue;
        cases++;
        if (!strcmp(tok[0], "sort") && nt == 3) sort_case(tok[1], tok[2]);
        else if (!strcmp(tok[0], "search") && nt == 6) search_case(tok[1], tok[2], tok[3], tok[4], tok[5]);
        else if (!strcmp(tok[0], "lexsort")) lexsort_case(tok, nt);
        else if (!strcmp(tok[0], "sortcx") && nt == 3) sortcx_case(tok[1], tok[2]);
        else CHECK_MSG(0, "bad manifest line: %s", line);
    }
    CHECK(cases > 50);
    free(text);
}

/* ------------------------------------------------------------ hand cases */

static void zero_d_and_errors(void) {
    nd_array *z = load("zerod"), *zs = load("zerod.sort.N");
    CHECK_ERR(nd_sort(z), ND_ERR_AXIS, "axis -1 is out of bounds for array of dimension 0");
    nd_array *s = nd_sort(z, .axis = ND_AXIS_ALL);
    CHECK(same_bytes(s, zs));
    nd_free(s);
    /* argsort and argpartition of 0-d: [0], as NumPy (the axis is checked against 1-d) */
    nd_array *i = nd_argsort(z);
    CHECK(i && nd_ndim(i) == 1 && nd_size(i) == 1 && nd_item_int(i, ND_IDX(0)) == 0);
    nd_free(i);
    CHECK_ERR(nd_argsort(z, .axis = ND_AXIS(3)), ND_ERR_AXIS, "axis 3 is out of bounds for array of dimension 1");
    i = nd_argpartition(z, ND_INTS(0));
    CHECK(i && nd_ndim(i) == 1 && nd_item_int(i, ND_IDX(0)) == 0);
    nd_free(i);
    CHECK_ERR(nd_argpartition(z, ND_INTS(3)), ND_ERR_VALUE, "kth(=3) out of bounds (1)");
    CHECK_ERR(nd_partition(z, ND_INTS(0)), ND_ERR_AXIS, "axis -1 is out of bounds for array of dimension 0");
    CHECK_ERR(nd_sort_complex(z), ND_ERR_AXIS, "axis -1 is out of bounds for array of dimension 0");
    nd_free(z);
    nd_free(zs);

    nd_array *a = nd_arange(0, 5, 1);
    CHECK_ERR(nd_partition(a, ND_INTS(5)), ND_ERR_VALUE, "kth(=5) out of bounds (5)");
    CHECK_ERR(nd_partition(a, ND_INTS(-6)), ND_ERR_VALUE, "kth(=-1) out of bounds (5)");
    CHECK_ERR(nd_partition(a, ND_INTS(1, 7)), ND_ERR_VALUE, "kth(=7) out of bounds (5)");
    CHECK_ERR(nd_argpartition(a, ND_INTS(5)), ND_ERR_VALUE, "kth(=5) out of bounds (5)");
    CHECK_ERR(nd_partition(a, ND_INTS(1), .kind = ND_HEAPSORT), ND_ERR_VALUE, "select kind must be 'introselect'");
    CHECK_ERR(nd_argpartition(a, ND_INTS(1), .kind = ND_STABLE), ND_ERR_VALUE, "select kind must be 'introselect'");
    CHECK_ERR(nd_sort(a, .kind = (nd_sort_kind)9), ND_ERR_VALUE, "sort kind must be one of 'quick', 'heap', or 'stable'");
    CHECK_ERR(nd_argsort(a, .axis = ND_AXIS(1)), ND_ERR_AXIS, "axis 1 is out of bounds for array of dimension 1");
    CHECK_ERR(nd_sort(a, .axis = ND_AXIS(0, 0)), ND_ERR_TYPE, NULL);
    CHECK_ERR(nd_sort_inplace(a, .axis = ND_AXIS_ALL), ND_ERR_TYPE, NULL);
    /* an empty kth list partitions nothing */
    nd_array *p = nd_partition(a, ND_INTS0);
    CHECK(same_bytes(p, a));
    nd_free(p);
    /* kth is not checked on an empty array, as NumPy */
    nd_array *e = nd_zeros(ND_SHAPE(0, 3));
    p = nd_partition(e, ND_INTS(4));
    CHECK(p && nd_size(p) == 0 && nd_ndim(p) == 2);
    nd_free(p);
    nd_free(e);

    /* read-only */
    nd_array *ro = nd_broadcast_to(a, ND_SHAPE(5));
    CHECK_ERR(nd_sort_inplace(ro), ND_ERR_VALUE, "sort array is read-only");
    nd_free(ro);

    /* NULL arguments */
    CHECK_ERR(nd_sort(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_argsort(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_sort_inplace(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_partition(NULL, ND_INTS(0)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_argpartition(NULL, ND_INTS(0)), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_sort_complex(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_searchsorted(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_searchsorted(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_lexsort(NULL, 1), ND_ERR_TYPE, "need sequence of keys with len > 0 in lexsort");
    CHECK_ERR(nd_lexsort(ND_ARRAYS(a), 0), ND_ERR_TYPE, "need sequence of keys with len > 0 in lexsort");
    CHECK_ERR(nd_lexsort(ND_ARRAYS(a, NULL), 2), ND_ERR_VALUE, NULL);

    /* lexsort */
    nd_array *b = nd_arange(0, 4, 1), *m = nd_zeros(ND_SHAPE(2, 3));
    CHECK_ERR(nd_lexsort(ND_ARRAYS(a, b), 2), ND_ERR_VALUE, "all keys need to be the same shape");
    CHECK_ERR(nd_lexsort(ND_ARRAYS(m), 1, .axis = ND_AXIS(2)), ND_ERR_AXIS, "axis 2 is out of bounds for array of dimension 2");
    CHECK_ERR(nd_lexsort(ND_ARRAYS(a), 1, .axis = ND_AXIS_ALL), ND_ERR_TYPE, NULL);
    nd_array *z1 = nd_full(ND_SHAPE0, 1);
    nd_array *l = nd_lexsort(ND_ARRAYS(z1), 1);
    CHECK(l && nd_ndim(l) == 0 && nd_dtype(l) == ND_INT64 && nd_item_int(l, ND_IDX()) == 0);
    nd_free(l);
    nd_free(z1);

    /* searchsorted errors */
    CHECK_ERR(nd_searchsorted(m, a), ND_ERR_VALUE, "object too deep for desired array");
    nd_array *s0 = nd_full(ND_SHAPE0, 3);
    CHECK_ERR(nd_searchsorted(s0, a), ND_ERR_VALUE, "object of too small depth for desired array");
    CHECK_ERR(nd_searchsorted(a, s0, .sorter = b), ND_ERR_VALUE, "sorter.size must equal a.size");
    nd_array *fs = nd_arange(0., 5., 1.);
    CHECK_ERR(nd_searchsorted(a, s0, .sorter = fs), ND_ERR_TYPE, "sorter must only contain integers");
    nd_array *us = nd_astype(a, ND_UINT64);
    CHECK_ERR(nd_searchsorted(a, s0, .sorter = us), ND_ERR_TYPE, "sorter must only contain integers");
    nd_array *a6 = nd_arange(0, 6, 1);
    nd_array *ms = nd_reshape(a6, ND_SHAPE(2, 3));
    CHECK_ERR(nd_searchsorted(a6, s0, .sorter = ms), ND_ERR_TYPE, "could not parse sorter argument");
    nd_array *bad = nd_add(a, 1);
    CHECK_ERR(nd_searchsorted(a, s0, .sorter = bad), ND_ERR_VALUE, "Sorter index out of range.");
    CHECK_ERR(nd_searchsorted(a, s0, .side = (nd_side)5), ND_ERR_VALUE, NULL);
    /* a sorter of a narrower integer type works */
    nd_array *i8 = nd_astype(a, ND_INT8);
    nd_array *r = nd_searchsorted(a, s0, .sorter = i8, .side = ND_SIDE_RIGHT);
    CHECK(r && nd_ndim(r) == 0 && nd_item_int(r, ND_IDX()) == 4);
    nd_free(r);
    nd_free(i8);
    nd_free(bad);
    nd_free(ms);
    nd_free(a6);
    nd_free(us);
    nd_free(fs);
    nd_free(s0);
    nd_free(b);
    nd_free(m);
    nd_free(a);
}

/* Stability on many ties and patterns that trip quicksorts: sorted, reversed, all
 * equal, organ pipe; every kind against the stable argsort of plain C. */
static void patterns(void) {
    const int64_t n = 3001;
    nd_array *x = nd_empty(ND_SHAPE(n), .dtype = ND_INT32);
    int32_t *p = nd_data(x);
    for (int pat = 0; pat < 5; pat++) {
        for (int64_t i = 0; i < n; i++)
            p[i] = pat == 0 ? (int32_t)i : pat == 1 ? (int32_t)(n - i) : pat == 2 ? 7
                 : pat == 3 ? (int32_t)(i < n / 2 ? i : n - i) : (int32_t)(i % 5);
        for (int kind = 0; kind <= ND_STABLE; kind++) {
            nd_array *s = nd_sort(x, .kind = (nd_sort_kind)kind);
            const int32_t *q = s ? nd_data(s) : NULL;
            bool ok = q != NULL;
            for (int64_t i = 1; ok && i < n; i++) ok = q[i - 1] <= q[i];
            CHECK_MSG(ok, "pattern %d kind %d sorted", pat, kind);
            nd_free(s);
            nd_array *ix = nd_argsort(x, .kind = (nd_sort_kind)kind);
            const int64_t *r = ix ? nd_data(ix) : NULL;
            ok = r != NULL;
            for (int64_t i = 1; ok && i < n; i++)
                ok = p[r[i - 1]] < p[r[i]] || (p[r[i - 1]] == p[r[i]] && (kind != ND_STABLE || r[i - 1] < r[i]));
            CHECK_MSG(ok, "pattern %d kind %d argsorted", pat, kind);
            nd_free(ix);
        }
        nd_array *pt = nd_partition(x, ND_INTS(n / 3));
        const int32_t *q = pt ? nd_data(pt) : NULL;
        bool ok = q != NULL;
        for (int64_t i = 0; ok && i < n; i++) ok = i < n / 3 ? q[i] <= q[n / 3] : q[i] >= q[n / 3];
        CHECK_MSG(ok, "pattern %d partition", pat);
        nd_free(pt);
        /* many kths (more than fit the stack list), unsorted and repeated */
        int64_t kv[20];
        for (int j = 0; j < 20; j++) kv[j] = (j * 997) % n - (j % 3 == 0 ? n : 0);
        kv[19] = kv[4];
        nd_ints kl = { 20, kv };
        nd_array *full = nd_sort(x);
        pt = nd_partition(x, kl);
        nd_array *ip = nd_argpartition(x, kl);
        const int32_t *f = full ? nd_data(full) : NULL;
        q = pt ? nd_data(pt) : NULL;
        const int64_t *iq = ip ? nd_data(ip) : NULL;
        ok = f && q && iq;
        for (int j = 0; ok && j < 20; j++) {
            int64_t k = kv[j] < 0 ? kv[j] + n : kv[j];
            ok = q[k] == f[k] && p[iq[k]] == f[k];
        }
        CHECK_MSG(ok, "pattern %d partition with 20 kths", pat);
        nd_free(full);
        nd_free(pt);
        nd_free(ip);
    }
    nd_free(x);
}

/* v[k] in sorted place under NumPy's order (NaNs last): nothing before it sorts after
 * it, nothing after it before it. */
static bool flt_lt(double a, double b) { return a < b || (b != b && a == a); }
static bool select_ok(const double *q, int64_t n, int64_t k) {
    for (int64_t i = 0; i < n; i++)
        if (i < k ? flt_lt(q[k], q[i]) : i > k ? flt_lt(q[i], q[k]) : false) return false;
    return true;
}

/* The block partition and the selection loop on float64 of many sizes and value mixes
 * (random, few distinct, NaN-heavy, signed zeros, sorted, reversed), every kind of kth. */
static void select_stress(void) {
    uint64_t st = 12345;
    for (int64_t n = 1; n <= 20000; n = n < 40 ? n + 1 : n * 3 / 2 + 7) {
        nd_array *x = nd_empty(ND_SHAPE(n), .dtype = ND_FLOAT64);
        double *p = nd_data(x);
        for (int mix = 0; mix < 6; mix++) {
            for (int64_t i = 0; i < n; i++) {
                st = st * 6364136223846793005ULL + 1442695040888963407ULL;
                uint32_t r = (uint32_t)(st >> 33);
                p[i] = mix == 0 ? (double)r / 7.0 : mix == 1 ? (double)(r % 4)
                     : mix == 2 ? (r % 3 ? NAN : (double)(r % 100)) : mix == 3 ? (r & 1 ? 0.0 : -0.0)
                     : mix == 4 ? (double)i : (double)(n - i);
            }
            int64_t ks[] = { 0, n - 1, n / 2, n / 3, (n * 7) / 8 };
            for (int j = 0; j < 5; j++) {
                nd_array *pt = nd_partition(x, ND_INTS(ks[j]));
                CHECK_MSG(pt && select_ok(nd_data(pt), n, ks[j]), "select n=%lld mix %d k=%lld", (long long)n, mix,
                          (long long)ks[j]);
                nd_free(pt);
            }
        }
        nd_free(x);
    }
}

int main(void) {
    golden();
    zero_d_and_errors();
    patterns();
    select_stress();
    return check_done();
}
