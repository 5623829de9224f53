/* The array object: allocation, views, reference counting, flags and accessors. */
#include "core/internal.h"

#include <math.h>
#include <stdint.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#define ALIGN 64
/* arrays of at most this many bytes share one allocation with their handle */
#define SMALL_BYTES 512

const char *nd_version(void) { return "0.1.0"; }

int64_t nd__shape_size(int ndim, const int64_t *shape) {
    int64_t size = 1;
    bool overflow = false;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            nd__err(ND_ERR_VALUE, "negative dimensions are not allowed");
            return -1;
        }
        if (!nd__mul_ok(size, shape[i], &size)) overflow = true;
    }
    /* NumPy reports overflow only when no extent is zero */
    if (overflow) {
        for (int i = 0; i < ndim; i++)
            if (shape[i] == 0) return 0;
        nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        return -1;
    }
    return size;
}

static size_t struct_bytes(int ndim, size_t extra) {
    return sizeof(nd_array) + 2 * (size_t)ndim * sizeof(int64_t) + extra;
}

/* A handle with `extra` spare bytes after its dims (small arrays keep their data there). */
static nd_array *array_struct(int ndim, size_t extra) {
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d",
                       ND_MAXDIMS, ndim);
    nd_array *a = nd__malloc(struct_bytes(ndim, extra));
    if (!a) return NULL;
    a->extra = extra;
    a->base = NULL;
    a->mem = NULL;
    a->mem_size = 0;
    a->release = NULL;
    a->release_ctx = NULL;
    a->flags = 0;
    a->dtype = NULL;
    a->data = NULL;
    atomic_init(&a->refcount, 1);
    a->ndim = ndim;
    a->shape = a->dims;
    a->strides = a->dims + ndim;
    if (nd__scope_add(a) < 0) {
        nd__free(a, struct_bytes(ndim, extra));
        return NULL;
    }
    return a;
}

nd_array *nd__array_struct(int ndim) { return array_struct(ndim, 0); }

static void fill_strides(int ndim, const int64_t *shape, int64_t itemsize, char order, int64_t *strides) {
    /* empty arrays may have extents whose product overflows: strides then wrap
     * harmlessly, as nothing is ever addressed through them */
    int64_t s = itemsize;
    if (order == 'F') {
        for (int i = 0; i < ndim; i++) { strides[i] = s; __builtin_mul_overflow(s, shape[i] ? shape[i] : 1, &s); }
    } else {
        for (int i = ndim - 1; i >= 0; i--) { strides[i] = s; __builtin_mul_overflow(s, shape[i] ? shape[i] : 1, &s); }
    }
}

/* NumPy checks an empty array's extents too: the nonzero ones times the itemsize must
 * fit (np.zeros((0, 2**62)) is "too big" as float64, fine as uint8). */
static bool empty_fits(const nd_dtype_t *dtype, int ndim, const int64_t *shape) {
    int64_t n = dtype->itemsize;
    for (int i = 0; i < ndim; i++)
        if (shape[i] && !nd__mul_ok(n, shape[i], &n)) return false;
    return true;
}

/* NumPy's MemoryError text: "Unable to allocate 7.45 GiB for an array with shape
 * (1000000000,) and data type float64" (sizes as NumPy's _size_to_string). */
static void *alloc_failed(const nd_dtype_t *dtype, int ndim, const int64_t *shape, int64_t nbytes) {
    static const char *const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    char size[32], sh[256];
    int bits = 63 - __builtin_clzll((unsigned long long)(nbytes | 1)), unit = (bits > 1 ? bits : 1) / 10;
    double n = (double)nbytes / (double)(1ULL << (unit * 10));
    if (nearbyint(n) == 1024) { unit++; n /= 1024; }
    if (unit == 0) snprintf(size, sizeof size, "%lld bytes", (long long)nbytes);
    else if (nearbyint(n) < 1000) {
        snprintf(size, sizeof size, "%#.3g %s", n, units[unit]);
    } else snprintf(size, sizeof size, "%.0f. %s", n, units[unit]);
    int len = snprintf(sh, sizeof sh, "(");
    for (int i = 0; i < ndim && len < (int)sizeof sh - 24; i++) /* a Python tuple: "(3, 4)", "(3,)" */
        len += snprintf(sh + len, sizeof sh - (size_t)len, i ? ", %lld" : "%lld", (long long)shape[i]);
    snprintf(sh + len, sizeof sh - (size_t)len, ndim == 1 ? ",)" : ")");
    nd__err(ND_ERR_MEMORY, "Unable to allocate %s for an array with shape %s and data type %s", size, sh,
            dtype->name);
    return NULL;
}

nd_array *nd__new(const nd_dtype_t *dtype, int ndim, const int64_t *shape, char order, bool zero) {
    if (!dtype) dtype = ND_FLOAT64;
    if (order != 'C' && order != 'F')
        return nd__err(ND_ERR_VALUE, "only 'C' or 'F' order is permitted");
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d",
                       ND_MAXDIMS, ndim);
    if (ndim > 0 && !shape) return nd__err(ND_ERR_VALUE, "shape must not be NULL");
    int64_t size = nd__shape_size(ndim, shape), nbytes;
    if (size < 0) return NULL;
    if (!nd__mul_ok(size, dtype->itemsize, &nbytes) || (size == 0 && !empty_fits(dtype, ndim, shape)))
        return nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    if (nbytes > INT64_MAX / 2 - ALIGN || (uint64_t)nbytes + ALIGN > SIZE_MAX)
        return alloc_failed(dtype, ndim, shape, nbytes);
    nd_array *a;
    if (nbytes <= SMALL_BYTES) { /* one allocation: the data lives after the dims */
        a = array_struct(ndim, (size_t)nbytes + ALIGN);
        if (!a) return NULL;
        char *after = (char *)(a->dims + 2 * ndim);
        a->data = (char *)(((uintptr_t)after + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1));
    } else {
        a = array_struct(ndim, 0);
        if (!a) return NULL;
        a->mem_size = (size_t)nbytes + ALIGN;
        a->mem = zero ? nd__calloc(1, a->mem_size) : nd__malloc(a->mem_size);
        if (!a->mem) {
            nd__scope_forget(a);
            nd__free(a, struct_bytes(ndim, 0));
            return alloc_failed(dtype, ndim, shape, nbytes);
        }
        a->data = (char *)(((uintptr_t)a->mem + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1));
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    /* large arrays: ask for transparent huge pages, as NumPy does; fewer page faults
     * on first touch.  Only the 2 MiB-aligned interior is advised. */
    if (nbytes >= (4 << 20)) {
        uintptr_t lo = ((uintptr_t)a->data + (2u << 20) - 1) & ~(uintptr_t)((2u << 20) - 1);
        uintptr_t hi = ((uintptr_t)a->data + (uintptr_t)nbytes) & ~(uintptr_t)((2u << 20) - 1);
        if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    }
#endif
    if (zero && nbytes <= SMALL_BYTES) memset(a->data, 0, (size_t)nbytes);
    a->dtype = nd_dtype_ref(dtype);
    if (ndim) memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
    fill_strides(ndim, shape, dtype->itemsize, order, a->strides);
    a->flags = ND_OWNDATA | ND_WRITEABLE;
    /* 0-d and 1-d: contiguous both ways and aligned (the data is ALIGN-aligned and the
     * stride is the itemsize); the general check costs a visible share of tiny calls */
    if (ndim <= 1 && (dtype->alignment <= 1 || (dtype->itemsize & (dtype->alignment - 1)) == 0))
        a->flags |= ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | ND_ALIGNED;
    else
        nd__update_flags(a);
    return a;
}

nd_array *nd__new_like_k(const nd_array *proto, const nd_dtype_t *dtype) {
    int nd = proto->ndim;
    if (proto->flags & ND_C_CONTIGUOUS) return nd__new(dtype ? dtype : proto->dtype, nd, proto->shape, 'C', false);
    if (proto->flags & ND_F_CONTIGUOUS) return nd__new(dtype ? dtype : proto->dtype, nd, proto->shape, 'F', false);
    /* order the axes of proto from largest to smallest |stride| (stable), then lay out C */
    int perm[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) perm[i] = i;
    for (int i = 1; i < nd; i++) {
        int p = perm[i], j = i;
        int64_t sp = llabs(proto->strides[p]);
        while (j > 0 && llabs(proto->strides[perm[j - 1]]) < sp) { perm[j] = perm[j - 1]; j--; }
        perm[j] = p;
    }
    int64_t pshape[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) pshape[i] = proto->shape[perm[i]];
    nd_array *a = nd__new(dtype ? dtype : proto->dtype, nd, pshape, 'C', false);
    if (!a) return NULL;
    int64_t st[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) st[perm[i]] = a->strides[i];
    memcpy(a->shape, proto->shape, (size_t)nd * sizeof(int64_t));
    memcpy(a->strides, st, (size_t)nd * sizeof(int64_t));
    nd__update_flags(a);
    return a;
}

nd_array *nd__view(const nd_array *base, const nd_dtype_t *dtype, int ndim, const int64_t *shape,
                   const int64_t *strides, char *data) {
    nd_array *a = nd__array_struct(ndim);
    if (!a) return NULL;
    nd_array *owner = base->base ? base->base : (nd_array *)base;
    atomic_fetch_add(&owner->refcount, 1);
    a->base = owner;
    a->dtype = nd_dtype_ref(dtype ? dtype : base->dtype);
    a->data = data;
    if (ndim) {
        memcpy(a->shape, shape, (size_t)ndim * sizeof(int64_t));
        memcpy(a->strides, strides, (size_t)ndim * sizeof(int64_t));
    }
    a->flags = base->flags & (ND_WRITEABLE | ND__READONLY_MEMORY);
    nd__update_flags(a);
    return a;
}

void nd__update_flags(nd_array *a) {
    int f = a->flags & (ND_OWNDATA | ND_WRITEABLE | ND__READONLY_MEMORY);
    int64_t size = nd_size(a);
    int64_t isz = a->dtype->itemsize;
    bool c = true, fo = true;
    if (size != 0) {
        int64_t s = isz;
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (a->shape[i] != 1) { if (a->strides[i] != s) { c = false; break; } s *= a->shape[i]; }
        }
        s = isz;
        for (int i = 0; i < a->ndim; i++) {
            if (a->shape[i] != 1) { if (a->strides[i] != s) { fo = false; break; } s *= a->shape[i]; }
        }
    }
    if (c) f |= ND_C_CONTIGUOUS;
    if (fo) f |= ND_F_CONTIGUOUS;
    int al = a->dtype->alignment > 0 ? a->dtype->alignment : 1;
    /* alignments are powers of two: a mask instead of a division */
    uint64_t mask = (uint64_t)al - 1;
    bool aligned = ((uintptr_t)a->data & mask) == 0;
    for (int i = 0; i < a->ndim && aligned; i++)
        if (a->shape[i] > 1 && ((uint64_t)a->strides[i] & mask)) aligned = false;
    if (aligned) f |= ND_ALIGNED;
    a->flags = f;
}

bool nd__check_writeable(const nd_array *a) {
    if (!(a->flags & ND_WRITEABLE)) {
        nd__err(ND_ERR_VALUE, "assignment destination is read-only");
        return false;
    }
    return true;
}

void nd__extent(const nd_array *a, char **lo, char **hi) {
    char *l = a->data, *h = a->data;
    if (nd_size(a) == 0) { *lo = *hi = a->data; return; }
    for (int i = 0; i < a->ndim; i++) {
        int64_t span = (a->shape[i] - 1) * a->strides[i];
        if (span < 0) l += span; else h += span;
    }
    *lo = l;
    *hi = h + a->dtype->itemsize;
}

/* --------------------------------------------------------------- lifetime */

void nd_free(nd_array *a) {
    if (!a) return;
    nd__scope_forget(a);
    nd__release(a);
}

void nd__release(nd_array *a) {
    if (atomic_fetch_sub(&a->refcount, 1) != 1) return;
    if (a->base) nd__release(a->base); /* the owner reference is internal, never scoped */
    else if (a->release) a->release(a->mem, a->release_ctx);
    else if (a->mem_size) nd__free(a->mem, a->mem_size); /* 0: caller's memory, not ours */
    nd_dtype_free(a->dtype);
    nd__free(a, struct_bytes(a->ndim, a->extra));
}

nd_array *nd_ref(nd_array *a) {
    if (!a) return nd__err(ND_ERR_VALUE, "array must not be NULL");
    if (nd__scope_add(a) < 0) return NULL;
    atomic_fetch_add(&a->refcount, 1);
    return a;
}

/* --------------------------------------------------------------- accessors */

int nd_ndim(const nd_array *a) { return a ? a->ndim : 0; }
const int64_t *nd_shape(const nd_array *a) { return a ? a->shape : NULL; }
const int64_t *nd_strides(const nd_array *a) { return a ? a->strides : NULL; }
int64_t nd_dim(const nd_array *a, int axis) {
    if (!a) { nd__err(ND_ERR_VALUE, "array must not be NULL"); return -1; }
    int ax = nd__check_axis(axis, a->ndim);
    return ax < 0 ? -1 : a->shape[ax];
}
int64_t nd_size(const nd_array *a) {
    if (!a) return 0;
    /* an empty array's other extents may multiply past INT64_MAX */
    int64_t n = 1;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] == 0) return 0;
    for (int i = 0; i < a->ndim; i++) n *= a->shape[i];
    return n;
}
int64_t nd_itemsize(const nd_array *a) { return a ? a->dtype->itemsize : 0; }
int64_t nd_nbytes(const nd_array *a) { return nd_size(a) * nd_itemsize(a); }
const nd_dtype_t *nd_dtype(const nd_array *a) { return a ? a->dtype : NULL; }
void *nd_data(const nd_array *a) { return a ? a->data : NULL; }
int nd_flags(const nd_array *a) { return a ? a->flags : 0; }
bool nd_is_c_contiguous(const nd_array *a) { return a && (a->flags & ND_C_CONTIGUOUS); }
bool nd_is_f_contiguous(const nd_array *a) { return a && (a->flags & ND_F_CONTIGUOUS); }
bool nd_is_writeable(const nd_array *a) { return a && (a->flags & ND_WRITEABLE); }
const nd_array *nd_base(const nd_array *a) { return a ? a->base : NULL; }
nd_shape_t nd_shape_of(const nd_array *a) { return a ? (nd_shape_t){ a->ndim, a->shape } : ND_SHAPE0; }

int nd_set_writeable(nd_array *a, bool writeable) {
    if (!a) return nd_error_set(ND_ERR_VALUE, "array must not be NULL");
    if (!writeable) { a->flags &= ~ND_WRITEABLE; return 0; }
    if (a->flags & ND_WRITEABLE) return 0;
    /* only memory that was writeable at its source can become writeable again */
    const nd_array *owner = a->base ? a->base : a;
    if (a->base && (owner->flags & ND__READONLY_MEMORY))
        return nd_error_set(ND_ERR_VALUE, "cannot set WRITEABLE flag to True of this array");
    if (a->flags & ND__READONLY_MEMORY)
        return nd_error_set(ND_ERR_VALUE, "cannot set WRITEABLE flag to True of this array");
    a->flags |= ND_WRITEABLE;
    return 0;
}

/* ----------------------------------------------------------- memory overlap */

/* Exact overlap test: is there x in box(a) and y in box(b) with
 * a0 + sum xa_i sa_i + [0, ia) meeting b0 + sum yb_j sb_j + [0, ib)?  A bounded
 * integer problem: depth-first search over terms with bound pruning. */
typedef struct { int64_t c, ub; } term;

static int cmp_term(const void *x, const void *y) {
    const term *a = x, *b = y;
    return a->c < b->c ? 1 : a->c > b->c ? -1 : 0;
}

/* Is there z with 0 <= z_k <= ub_k and lo <= sum c_k z_k <= hi?  work bounds the effort. */
static int solve(const term *t, int n, const int64_t *maxrest, int64_t lo, int64_t hi, int64_t *work) {
    if (hi < 0 || lo > maxrest[0]) return 0;
    if (n == 0) return lo <= 0 && 0 <= hi;
    if (lo <= 0) return 1; /* z = 0 works: 0 in [lo, hi] since hi >= 0 */
    if (--*work < 0) return -1;
    int64_t c = t[0].c;
    /* values of z0 that can still reach [lo, hi] given the rest sums to [0, maxrest[1]] */
    int64_t zmin = lo - maxrest[1] > 0 ? (lo - maxrest[1] + c - 1) / c : 0;
    int64_t zmax = hi / c < t[0].ub ? hi / c : t[0].ub;
    for (int64_t z = zmin; z <= zmax; z++) {
        int r = solve(t + 1, n - 1, maxrest + 1, lo - z * c, hi - z * c, work);
        if (r) return r;
    }
    return 0;
}

static int overlap(const nd_array *a, const nd_array *b, int64_t max_work) {
    char *alo, *ahi, *blo, *bhi;
    nd__extent(a, &alo, &ahi);
    nd__extent(b, &blo, &bhi);
    if (alo == ahi || blo == bhi || ahi <= blo || bhi <= alo) return 0;
    term t[2 * ND_MAXDIMS + 2];
    int n = 0;
    /* a_off + sum xa*sa - (b_off + sum yb*sb) in (-ia, ib) ; substitute negatives */
    int64_t d = (int64_t)(b->data - a->data); /* want sum xa*sa - sum yb*sb - d in [-(ia-1), ib-1] */
    int64_t lo = d - (a->dtype->itemsize - 1), hi = d + (b->dtype->itemsize - 1);
    for (int pass = 0; pass < 2; pass++) {
        const nd_array *x = pass ? b : a;
        for (int i = 0; i < x->ndim; i++) {
            int64_t c = pass ? -x->strides[i] : x->strides[i], ub = x->shape[i] - 1;
            if (c == 0 || ub == 0) continue;
            if (c < 0) { lo -= c * ub; hi -= c * ub; c = -c; } /* z' = ub - z */
            t[n++] = (term){ c, ub };
        }
    }
    qsort(t, (size_t)n, sizeof *t, cmp_term);
    int64_t maxrest[2 * ND_MAXDIMS + 3];
    maxrest[n] = 0;
    for (int i = n - 1; i >= 0; i--) {
        int64_t m;
        if (!nd__mul_ok(t[i].c, t[i].ub, &m) || !nd__add_ok(m, maxrest[i + 1], &maxrest[i])) maxrest[i] = INT64_MAX / 4;
    }
    int64_t work = max_work;
    return solve(t, n, maxrest, lo, hi, &work);
}

bool nd_shares_memory(const nd_array *a, const nd_array *b) {
    if (!a || !b) return false;
    int r = overlap(a, b, 1 << 22);
    return r != 0; /* too hard (-1): report possible sharing, as max_work exhaustion is rare */
}

bool nd_may_share_memory(const nd_array *a, const nd_array *b) {
    if (!a || !b) return false;
    char *alo, *ahi, *blo, *bhi;
    nd__extent(a, &alo, &ahi);
    nd__extent(b, &blo, &bhi);
    return !(alo == ahi || blo == bhi || ahi <= blo || bhi <= alo);
}
