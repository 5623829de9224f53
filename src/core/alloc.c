/* The one allocator.  Everything nd allocates goes through `current`, which a user
 * may replace (nd_set_allocator) e.g. to count or fail allocations in tests. */
#include "core/internal.h"

#include <stdlib.h>

static void *libc_malloc(size_t n, void *ctx) { (void)ctx; return malloc(n); }
static void *libc_realloc(void *p, size_t o, size_t n, void *ctx) { (void)ctx; (void)o; return realloc(p, n); }
static void libc_free(void *p, size_t n, void *ctx) { (void)ctx; (void)n; free(p); }

static nd_allocator current = { libc_malloc, libc_realloc, libc_free, NULL };

void nd_set_allocator(const nd_allocator *a) {
    if (a && a->malloc && a->free) current = *a;
    else current = (nd_allocator){ libc_malloc, libc_realloc, libc_free, NULL };
}

nd_allocator nd_get_allocator(void) { return current; }

void *nd__malloc(size_t n) {
    void *p = current.malloc(n ? n : 1, current.ctx);
    if (!p) nd__nomem();
    return p;
}

void *nd__calloc(size_t count, size_t size) {
    size_t n;
    if (__builtin_mul_overflow(count, size, &n)) return nd__nomem();
    void *p = nd__malloc(n);
    if (p) memset(p, 0, n);
    return p;
}

void *nd__realloc(void *p, size_t old_n, size_t new_n) {
    if (!p) return nd__malloc(new_n);
    if (!new_n) new_n = 1;
    if (current.realloc) {
        void *q = current.realloc(p, old_n, new_n, current.ctx);
        if (!q) nd__nomem();
        return q;
    }
    void *q = nd__malloc(new_n);
    if (!q) return NULL;
    memcpy(q, p, old_n < new_n ? old_n : new_n);
    current.free(p, old_n, current.ctx);
    return q;
}

void nd__free(void *p, size_t n) {
    if (p) current.free(p, n ? n : 1, current.ctx);
}

/* Unsized allocations carry their size in a 16-byte header (keeps 16-byte alignment). */
#define HDR 16

void *nd__alloc(size_t n) {
    if (n > SIZE_MAX - HDR) return nd__nomem();
    char *p = nd__malloc(n + HDR);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    return p + HDR;
}

void *nd__alloc_realloc(void *p, size_t n) {
    if (!p) return nd__alloc(n);
    if (n > SIZE_MAX - HDR) return nd__nomem();
    char *base = (char *)p - HDR;
    size_t old;
    memcpy(&old, base, sizeof old);
    char *q = nd__realloc(base, old + HDR, n + HDR);
    if (!q) return NULL;
    memcpy(q, &n, sizeof n);
    return q + HDR;
}

void nd__dealloc(void *p) {
    if (!p) return;
    char *base = (char *)p - HDR;
    size_t n;
    memcpy(&n, base, sizeof n);
    nd__free(base, n + HDR);
}

char *nd__strdup(const char *s) {
    size_t n = strlen(s);
    char *p = nd__alloc(n + 1);
    if (p) memcpy(p, s, n + 1);
    return p;
}

void nd_free_bytes(void *p) { nd__dealloc(p); }
