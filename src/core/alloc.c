/* The one allocator.  Everything nd allocates goes through `current`, which a user
 * may replace (nd_set_allocator) e.g. to count or fail allocations in tests. */
#include "core/internal.h"

#include <stdlib.h>

/* The large-block cache of the default allocator.  The C library hands blocks of many
 * megabytes straight back to the kernel, so an array of 10^7 doubles made and dropped
 * in a loop costs a fresh mapping each time, and the kernel clears all 80 MB of it before
 * the first write: a third of the time of a copy or an elementwise call.  Keeping a few
 * recently freed large blocks skips that.  Sizes come from malloc_usable_size, so the
 * cache never depends on the size a caller passes to free. */
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <pthread.h>
#define BLOCK_CACHE 1
#define CACHE_MIN ((size_t)4 << 20)  /* smaller blocks are the C library's business */
#define CACHE_SLOTS 8

static struct { void *p; size_t n; } cache[CACHE_SLOTS]; /* oldest first */
static int cache_count;
static size_t cache_bytes, cache_limit = (size_t)256 << 20;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* A cached block of at least n bytes, not wastefully larger (newest first). */
static void *cache_take(size_t n) {
    void *p = NULL;
    pthread_mutex_lock(&cache_lock);
    for (int i = cache_count - 1; i >= 0; i--) {
        if (cache[i].n >= n && cache[i].n - n <= cache[i].n / 8) {
            p = cache[i].p;
            cache_bytes -= cache[i].n;
            memmove(&cache[i], &cache[i + 1], (size_t)(cache_count - 1 - i) * sizeof cache[0]);
            cache_count--;
            break;
        }
    }
    pthread_mutex_unlock(&cache_lock);
    return p;
}

/* Evict the oldest blocks (to `out`) until `bytes` and `slots` are not exceeded. */
static int evict_oldest(void **out, size_t bytes, int slots) {
    int ne = 0;
    while (cache_count && (cache_count > slots || cache_bytes > bytes)) {
        out[ne++] = cache[0].p;
        cache_bytes -= cache[0].n;
        memmove(&cache[0], &cache[1], (size_t)(cache_count - 1) * sizeof cache[0]);
        cache_count--;
    }
    return ne;
}

static size_t cache_set(size_t bytes) {
    void *evict[CACHE_SLOTS];
    pthread_mutex_lock(&cache_lock);
    size_t old = cache_limit;
    cache_limit = bytes;
    int ne = evict_oldest(evict, bytes, CACHE_SLOTS);
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < ne; i++) free(evict[i]);
    return old;
}

/* Keep p if it fits under the limit, evicting the oldest blocks; false: free it. */
static bool cache_put(void *p) {
    size_t n = malloc_usable_size(p);
    void *evict[CACHE_SLOTS];
    int ne = 0;
    bool kept = false;
    pthread_mutex_lock(&cache_lock);
    if (n >= CACHE_MIN && n <= cache_limit) {
        ne = evict_oldest(evict, cache_limit - n, CACHE_SLOTS - 1);
        cache[cache_count].p = p;
        cache[cache_count].n = n;
        cache_count++;
        cache_bytes += n;
        kept = true;
    }
    pthread_mutex_unlock(&cache_lock);
    for (int i = 0; i < ne; i++) free(evict[i]);
    return kept;
}

size_t nd_set_block_cache(size_t bytes) { return cache_set(bytes); }
#else
#define BLOCK_CACHE 0
size_t nd_set_block_cache(size_t bytes) { (void)bytes; return 0; }
#endif

static void *libc_malloc(size_t n, void *ctx) {
    (void)ctx;
#if BLOCK_CACHE
    if (n >= CACHE_MIN) {
        void *p = cache_take(n);
        if (p) return p;
    }
#endif
    return malloc(n);
}
static void *libc_realloc(void *p, size_t o, size_t n, void *ctx) { (void)ctx; (void)o; return realloc(p, n); }
static void libc_free(void *p, size_t n, void *ctx) {
    (void)ctx;
#if BLOCK_CACHE
    if (n >= CACHE_MIN && p && cache_put(p)) return;
#else
    (void)n;
#endif
    free(p);
}

static nd_allocator current = { libc_malloc, libc_realloc, libc_free, NULL };

void nd_set_allocator(const nd_allocator *a) {
#if BLOCK_CACHE
    cache_set(cache_set(0)); /* blocks of the C library's go back to it */
#endif
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
    if (current.malloc == libc_malloc) { /* fresh pages come zeroed: nothing to write */
        void *p = calloc(n ? n : 1, 1);
        if (!p) nd__nomem();
        return p;
    }
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
