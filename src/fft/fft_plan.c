/* FFT plans: factorization, twiddles, Bluestein chirps, and the shared cache. */
#include "fft_internal.h"

#include <pthread.h>

void nd__fft_root(int64_t num, int64_t den, int sign, long double *c, long double *s) {
    /* Reduce the angle 2 pi num/den to [0, pi/4] with exact integer steps, then one
     * long double sincos: the result is correctly rounded as a double almost always. */
    const long double twopi = 6.283185307179586476925286766559005768L;
    num %= den;
    if (num < 0) num += den;
    long double sgn_s = sign < 0 ? -1.0L : 1.0L, sgn_c = 1.0L;
    bool swap = false;
    if (2 * num > den) { num = den - num; sgn_s = -sgn_s; }      /* theta -> 2pi - theta */
    if (4 * num > den) { num = den - 2 * num; den *= 2; sgn_c = -sgn_c; } /* pi - theta */
    if (8 * num > den) { num = den - 4 * num; den *= 4; swap = true; }   /* pi/2 - theta */
    long double th = twopi * (long double)num / (long double)den;
    long double cc = cosl(th), ss = sinl(th);
    if (swap) { long double t = cc; cc = ss; ss = t; }
    *c = sgn_c * cc;
    *s = sgn_s * ss;
}

/* Fill entry k of a twiddle array of either precision. */
static void put_root(void *tw, bool single, int64_t k, int64_t num, int64_t den) {
    long double c, s;
    nd__fft_root(num, den, -1, &c, &s);
    if (single) ((nd__cf *)tw)[k] = (nd__cf){ (float)c, (float)s };
    else ((nd__cd *)tw)[k] = (nd__cd){ (double)c, (double)s };
}

static int largest_prime(int64_t n) {
    int64_t big = 1;
    for (int64_t f = 2; f * f <= n; f += (f == 2 ? 1 : 2))
        while (n % f == 0) { n /= f; big = f; }
    if (n > 1 && n > big) big = n;
    return big > ND__FFT_MAXGEN ? ND__FFT_MAXGEN + 1 : (int)big;
}

/* Smallest 2^a 3^b 5^c >= n (the Bluestein length). */
static int64_t good_size(int64_t n) {
    int64_t best = 1;
    while (best < n) best *= 2;
    for (int64_t f5 = 1; f5 < best; f5 *= 5)
        for (int64_t f35 = f5; f35 < best; f35 *= 3) {
            int64_t x = f35;
            while (x < n) x *= 2;
            if (x < best) best = x;
        }
    return best;
}

static void plan_free(nd__fft_plan *p) {
    if (!p) return;
    nd__free(p->tw, p->tw_bytes);
    nd__free(p->bk, p->bk_bytes);
    nd__free(p->bkf, p->bkf_bytes);
    nd__free(p->rtw, p->rtw_bytes);
    if (p->sub) nd__fft_plan_release(p->sub);
    nd__free(p, sizeof *p);
}

void nd__fft_plan_release(nd__fft_plan *p) {
    if (p && atomic_fetch_sub(&p->refs, 1) == 1) plan_free(p);
}

static size_t csize(bool single) { return single ? sizeof(nd__cf) : sizeof(nd__cd); }

static int build_passes(nd__fft_plan *p) {
    int64_t n = p->n, r = n;
    int nf = 0;
    while (r % 4 == 0) { p->fct[nf++] = 4; r /= 4; }
    if (r % 2 == 0) { p->fct[nf++] = 2; r /= 2; }
    for (int64_t f = 3; r > 1; f += 2) {
        if (f * f > r) f = r;
        while (r % f == 0) { p->fct[nf++] = (int)f; r /= f; }
    }
    p->nf = nf;
    int64_t total = 0, l1 = 1;
    for (int k = 0; k < nf; k++) {
        int f = p->fct[k];
        int64_t ido = n / (l1 * f);
        p->twoff[k] = total;
        total += ido > 1 ? (int64_t)(f - 1) * ido : 0;
        p->groff[k] = total;
        if (f > 5) total += f;
        l1 *= f;
    }
    p->tw_bytes = (size_t)(total ? total : 1) * csize(p->single);
    if (!(p->tw = nd__malloc(p->tw_bytes))) return -1;
    l1 = 1;
    for (int k = 0; k < nf; k++) {
        int f = p->fct[k];
        int64_t ido = n / (l1 * f);
        if (ido > 1)
            for (int m = 1; m < f; m++)
                for (int64_t i = 0; i < ido; i++)
                    put_root(p->tw, p->single, p->twoff[k] + (m - 1) * ido + i, (int64_t)m * i, ido * f);
        if (f > 5)
            for (int q = 0; q < f; q++) put_root(p->tw, p->single, p->groff[k] + q, q, f);
        l1 *= f;
    }
    p->work = n;
    return 0;
}

static int build_bluestein(nd__fft_plan *p) {
    int64_t n = p->n, m = good_size(2 * n - 1);
    p->m = m;
    if (!(p->sub = nd__fft_plan_get(ND__PLAN_C, p->single, m))) return -1;
    size_t cs = csize(p->single);
    p->bk_bytes = (size_t)n * cs;
    p->bkf_bytes = (size_t)m * cs;
    if (!(p->bk = nd__malloc(p->bk_bytes)) || !(p->bkf = nd__malloc(p->bkf_bytes))) return -1;
    /* chirp c_t = exp(i pi t^2 / n) = exp(2 pi i (t^2 mod 2n) / 2n); exact integer phase */
    long double *cr = nd__malloc((size_t)n * 2 * sizeof(long double));
    if (!cr) return -1;
    for (int64_t t = 0; t < n; t++) {
        uint64_t q = ((unsigned __int128)t * (unsigned __int128)t) % (unsigned __int128)(2 * n);
        nd__fft_root((int64_t)q, 2 * n, 1, &cr[2 * t], &cr[2 * t + 1]);
    }
    /* kernel b: c_t at t and m - t, transformed in double and scaled by 1/m */
    nd__cd *b = nd__malloc((size_t)m * 2 * sizeof(nd__cd));
    nd__fft_plan *dsub = p->single ? nd__fft_plan_get(ND__PLAN_C, false, m) : p->sub;
    if (!b || !dsub) {
        nd__free(cr, (size_t)n * 2 * sizeof(long double));
        nd__free(b, (size_t)m * 2 * sizeof(nd__cd));
        if (p->single && dsub) nd__fft_plan_release(dsub);
        return -1;
    }
    memset(b, 0, (size_t)m * sizeof(nd__cd));
    for (int64_t t = 0; t < n; t++) {
        b[t] = (nd__cd){ (double)cr[2 * t], (double)cr[2 * t + 1] };
        if (t) b[m - t] = b[t];
    }
    nd__fft_exec_cd(dsub, b, b + m);
    double sc = 1.0 / (double)m;
    for (int64_t t = 0; t < m; t++) {
        if (p->single) ((nd__cf *)p->bkf)[t] = (nd__cf){ (float)(b[t].r * sc), (float)(b[t].i * sc) };
        else ((nd__cd *)p->bkf)[t] = (nd__cd){ b[t].r * sc, b[t].i * sc };
    }
    for (int64_t t = 0; t < n; t++) {
        if (p->single) ((nd__cf *)p->bk)[t] = (nd__cf){ (float)cr[2 * t], (float)cr[2 * t + 1] };
        else ((nd__cd *)p->bk)[t] = (nd__cd){ (double)cr[2 * t], (double)cr[2 * t + 1] };
    }
    if (p->single) nd__fft_plan_release(dsub);
    nd__free(cr, (size_t)n * 2 * sizeof(long double));
    nd__free(b, (size_t)m * 2 * sizeof(nd__cd));
    p->work = m + p->sub->work;
    return 0;
}

static int build_real(nd__fft_plan *p) {
    int64_t n = p->n;
    if (n & 1) {
        if (!(p->sub = nd__fft_plan_get(ND__PLAN_C, p->single, n))) return -1;
        p->work = n + p->sub->work;
        return 0;
    }
    int64_t h = n / 2;
    if (!(p->sub = nd__fft_plan_get(ND__PLAN_C, p->single, h))) return -1;
    p->rtw_bytes = (size_t)(h / 2 + 1) * csize(p->single);
    if (!(p->rtw = nd__malloc(p->rtw_bytes))) return -1;
    for (int64_t k = 0; k <= h / 2; k++) put_root(p->rtw, p->single, k, k, n);
    p->work = p->sub->work;
    return 0;
}

static nd__fft_plan *plan_build(nd__plan_kind kind, bool single, int64_t n) {
    nd__fft_plan *p = nd__malloc(sizeof *p);
    if (!p) return nd__nomem();
    memset(p, 0, sizeof *p);
    atomic_init(&p->refs, 1);
    p->kind = kind;
    p->single = single;
    p->n = n;
    int r;
    if (kind == ND__PLAN_R) r = build_real(p);
    else if (n > ND__FFT_MAXGEN && largest_prime(n) > ND__FFT_MAXGEN) r = build_bluestein(p);
    else r = build_passes(p);
    if (r < 0) {
        plan_free(p);
        return nd_error() == ND_ERR_MEMORY ? NULL : nd__nomem();
    }
    return p;
}

/* ------------------------------------------------------------------ cache */

/* Most recently used first.  Entries hold one reference each. */
#define CACHE_CAP 24
static nd__fft_plan *cache[CACHE_CAP];
static int ncache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static bool atexit_done;

static void cache_clear_at_exit(void) { nd_fft_cache_clear(); }

void nd_fft_cache_clear(void) {
    nd__fft_plan *old[CACHE_CAP];
    pthread_mutex_lock(&cache_lock);
    int k = ncache;
    memcpy(old, cache, sizeof old);
    ncache = 0;
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < k; i++) nd__fft_plan_release(old[i]);
}

static nd__fft_plan *cache_find(nd__plan_kind kind, bool single, int64_t n) {
    for (int i = 0; i < ncache; i++) {
        nd__fft_plan *p = cache[i];
        if (p->n == n && p->kind == kind && p->single == single) {
            memmove(cache + 1, cache, (size_t)i * sizeof *cache);
            cache[0] = p;
            atomic_fetch_add(&p->refs, 1);
            return p;
        }
    }
    return NULL;
}

nd__fft_plan *nd__fft_plan_get(nd__plan_kind kind, bool single, int64_t n) {
    pthread_mutex_lock(&cache_lock);
    nd__fft_plan *p = cache_find(kind, single, n);
    pthread_mutex_unlock(&cache_lock);
    if (p) return p;
    /* build outside the lock (sub-plans come from the cache too) */
    nd__fft_plan *q = plan_build(kind, single, n);
    if (!q) return NULL;
    nd__fft_plan *evict = NULL;
    pthread_mutex_lock(&cache_lock);
    if (!atexit_done) atexit_done = atexit(cache_clear_at_exit) == 0;
    if ((p = cache_find(kind, single, n))) {   /* another thread won the race */
        pthread_mutex_unlock(&cache_lock);
        nd__fft_plan_release(q);
        return p;
    }
    if (ncache == CACHE_CAP) evict = cache[--ncache];
    memmove(cache + 1, cache, (size_t)ncache * sizeof *cache);
    cache[0] = q;
    ncache++;
    atomic_fetch_add(&q->refs, 1);
    pthread_mutex_unlock(&cache_lock);
    nd__fft_plan_release(evict);
    return q;
}
